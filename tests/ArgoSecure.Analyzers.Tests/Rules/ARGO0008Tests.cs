using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0008")]
public sealed class ARGO0008DoNotAutomountWorkflowTokenTests : PropertyRuleTests<DoNotAutomountWorkflowTokenCodeFixProvider>
{
    protected override string RuleId => "ARGO0008";
    protected override string TypeName => "WorkflowPodDefaults";
    protected override string Property => "AutomountServiceAccountToken";
    protected override string ValueType => "bool";
    protected override string Insecure => "true";
    protected override string Secure => "false";
    protected override string? Fixed => "false";
    protected override string? EquivalenceKey => DoNotAutomountWorkflowTokenCodeFixProvider.EquivalenceKey;
}
