using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0009")]
public sealed class ARGO0009DoNotRunWorkflowsAsDefaultServiceAccountTests : PropertyRuleTests<UseDedicatedServiceAccountCodeFixProvider>
{
    protected override string RuleId => "ARGO0009";
    protected override string TypeName => "WorkflowPodDefaults";
    protected override string Property => "ServiceAccountName";
    protected override string ValueType => "string";
    protected override string Insecure => "\"default\"";
    protected override string Secure => "\"ci-runner\"";
    protected override string? Fixed => "WorkflowPodDefaults.DefaultServiceAccountName";
    protected override string? EquivalenceKey => UseDedicatedServiceAccountCodeFixProvider.EquivalenceKey;
}
