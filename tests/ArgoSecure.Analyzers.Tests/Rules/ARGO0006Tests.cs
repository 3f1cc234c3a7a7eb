using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0006")]
public sealed class ARGO0006DoNotSkipSsoIssuerVerificationTests : PropertyRuleTests<VerifySsoIssuerCodeFixProvider>
{
    protected override string RuleId => "ARGO0006";
    protected override string TypeName => "SsoArgs";
    protected override string Property => "InsecureSkipVerify";
    protected override string ValueType => "bool";
    protected override string Insecure => "true";
    protected override string Secure => "false";
    protected override string? Fixed => "false";
    protected override string? EquivalenceKey => VerifySsoIssuerCodeFixProvider.EquivalenceKey;
}
