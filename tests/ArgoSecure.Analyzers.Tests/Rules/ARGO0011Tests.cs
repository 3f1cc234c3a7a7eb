using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0011")]
public sealed class ARGO0011ControllerNetworkPoliciesTests : PropertyRuleTests<KeepNetworkPoliciesCodeFixProvider>
{
    protected override string RuleId => "ARGO0011";
    protected override string TypeName => "ArgoControllerArgs";
    protected override string Property => "NetworkPolicies";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => KeepNetworkPoliciesCodeFixProvider.EquivalenceKey;
}

[Trait("Rule", "ARGO0011")]
public sealed class ARGO0011ServerNetworkPoliciesTests : PropertyRuleTests<KeepNetworkPoliciesCodeFixProvider>
{
    protected override string RuleId => "ARGO0011";
    protected override string TypeName => "ArgoServerArgs";
    protected override string Property => "NetworkPolicies";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => KeepNetworkPoliciesCodeFixProvider.EquivalenceKey;
}

[Trait("Rule", "ARGO0011")]
public sealed class ARGO0011WorkflowNamespaceNetworkPoliciesTests : PropertyRuleTests<KeepNetworkPoliciesCodeFixProvider>
{
    protected override string RuleId => "ARGO0011";
    protected override string TypeName => "WorkflowNamespaceArgs";
    protected override string Property => "NetworkPolicies";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => KeepNetworkPoliciesCodeFixProvider.EquivalenceKey;
}
