using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0005")]
public sealed class ARGO0005DoNotDisableSsoRbacTests : PropertyRuleTests<EnableSsoRbacCodeFixProvider>
{
    protected override string RuleId => "ARGO0005";
    protected override string TypeName => "SsoArgs";
    protected override string Property => "RbacEnabled";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => EnableSsoRbacCodeFixProvider.EquivalenceKey;
}
