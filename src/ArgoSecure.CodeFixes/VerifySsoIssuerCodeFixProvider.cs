using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.SsoInsecureSkipVerify"/>: Verify the SSO issuer's certificate.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VerifySsoIssuerCodeFixProvider)), Shared]
public sealed class VerifySsoIssuerCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0006_VerifyIssuer";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.SsoInsecureSkipVerify);

    private protected override string Title => "Verify the SSO issuer's certificate";

    private protected override string Key => EquivalenceKey;
}
