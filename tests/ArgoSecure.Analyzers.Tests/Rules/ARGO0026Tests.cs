using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0026")]
public sealed class ARGO0026SupportedArgoReleaseTests : PropertyRuleTests<EmptyCodeFixProvider>
{
    protected override string RuleId => "ARGO0026";
    protected override string TypeName => "ArgoImages";
    protected override string Property => "Version";
    protected override string ValueType => "string";
    protected override string Insecure => "\"v3.6.5\"";
    protected override string Secure => "\"v3.7.18\"";
    protected override string? Fixed => null;
    protected override bool HasFix => false;
}
