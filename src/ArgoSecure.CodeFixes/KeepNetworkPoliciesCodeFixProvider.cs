using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.NetworkPoliciesDisabled"/>: Keep NetworkPolicies on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepNetworkPoliciesCodeFixProvider)), Shared]
public sealed class KeepNetworkPoliciesCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0011_KeepNetworkPolicies";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.NetworkPoliciesDisabled);

    private protected override string Title => "Keep NetworkPolicies on";

    private protected override string Key => EquivalenceKey;
}
