using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.ServerOverPrivileged"/>: Use ServerAccessLevel.ReadOnly.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseReadOnlyServerAccessCodeFixProvider)), Shared]
public sealed class UseReadOnlyServerAccessCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0012_ReadOnly";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.ServerOverPrivileged);

    private protected override string Title => "Use ServerAccessLevel.ReadOnly";

    private protected override string Key => EquivalenceKey;
}
