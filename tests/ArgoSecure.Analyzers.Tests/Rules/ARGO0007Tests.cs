using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0007")]
public sealed class ARGO0007RunAsNonRootTests : PropertyRuleTests<RunWorkflowPodsAsNonRootCodeFixProvider>
{
    protected override string RuleId => "ARGO0007";
    protected override string TypeName => "WorkflowPodDefaults";
    protected override string Property => "RunAsNonRoot";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => RunWorkflowPodsAsNonRootCodeFixProvider.EquivalenceKey;
}

[Trait("Rule", "ARGO0007")]
public sealed class ARGO0007RunAsUserTests : PropertyRuleTests<RunWorkflowPodsAsNonRootCodeFixProvider>
{
    protected override string RuleId => "ARGO0007";
    protected override string TypeName => "WorkflowPodDefaults";
    protected override string Property => "RunAsUser";
    protected override string ValueType => "long";
    protected override string Insecure => "0";
    protected override string Secure => "1000";
    protected override string? Fixed => "WorkflowPodDefaults.ArgoNonRootUid";
    protected override string? EquivalenceKey => RunWorkflowPodsAsNonRootCodeFixProvider.EquivalenceKey;
}
