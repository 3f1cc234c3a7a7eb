using ArgoSecure.CodeFixes;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0004")]
public sealed class ARGO0004DoNotDisableServerTlsTests : PropertyRuleTests<KeepServerTlsCodeFixProvider>
{
    protected override string RuleId => "ARGO0004";
    protected override string TypeName => "ServerTlsArgs";
    protected override string Property => "Enabled";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => KeepServerTlsCodeFixProvider.EquivalenceKey;
}
