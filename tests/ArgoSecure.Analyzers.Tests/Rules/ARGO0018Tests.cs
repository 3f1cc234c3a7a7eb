using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0018")]
public sealed class ARGO0018PinArgoImagesTests : PropertyRuleTests<EmptyCodeFixProvider>
{
    protected override string RuleId => "ARGO0018";
    protected override string TypeName => "ArgoImages";
    protected override string Property => "Version";
    protected override string ValueType => "string";
    protected override string Insecure => "\"latest\"";
    protected override string Secure => "\"v4.1.2\"";
    protected override string? Fixed => null;
    protected override bool HasFix => false;
}
