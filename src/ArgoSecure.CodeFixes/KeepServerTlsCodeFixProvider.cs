using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.ServerTlsDisabled"/>: Keep TLS on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepServerTlsCodeFixProvider)), Shared]
public sealed class KeepServerTlsCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0004_KeepTls";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.ServerTlsDisabled);

    private protected override string Title => "Keep TLS on";

    private protected override string Key => EquivalenceKey;
}
