using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.ServerAuthMode"/>: Use the client auth mode.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseClientAuthModeCodeFixProvider)), Shared]
public sealed class UseClientAuthModeCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0003_UseClientAuthMode";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.ServerAuthMode);

    private protected override string Title => "Use the client auth mode";

    private protected override string Key => EquivalenceKey;
}
