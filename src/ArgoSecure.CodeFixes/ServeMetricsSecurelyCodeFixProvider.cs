using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.MetricsExposed"/>: Restore the secure metrics setting.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ServeMetricsSecurelyCodeFixProvider)), Shared]
public sealed class ServeMetricsSecurelyCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0013_SecureMetrics";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.MetricsExposed);

    private protected override string Title => "Restore the secure metrics setting";

    private protected override string Key => EquivalenceKey;
}
