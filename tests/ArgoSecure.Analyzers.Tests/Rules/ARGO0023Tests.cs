using ArgoSecure.Analyzers.Tests.Verifiers;
using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0023")]
public sealed class ARGO0023AdmissionGuardTests : PropertyRuleTests<EnforceWorkflowSpecsCodeFixProvider>
{
    protected override string RuleId => "ARGO0023";
    protected override string TypeName => "ArgoControllerArgs";
    protected override string Property => "AdmissionGuard";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => EnforceWorkflowSpecsCodeFixProvider.EquivalenceKey;
}

[Trait("Rule", "ARGO0023")]
public sealed class ARGO0023ControllerEnforcementTests : PropertyRuleTests<EnforceWorkflowSpecsCodeFixProvider>
{
    protected override string RuleId => "ARGO0023";
    protected override string TypeName => "ArgoControllerArgs";
    protected override string Property => "WorkflowSpecEnforcement";
    protected override string ValueType => "WorkflowSpecEnforcement";
    protected override string Insecure => "WorkflowSpecEnforcement.Off";
    protected override string Secure => "WorkflowSpecEnforcement.Deny";
    protected override string? Fixed => "WorkflowSpecEnforcement.Deny";
    protected override string? EquivalenceKey => EnforceWorkflowSpecsCodeFixProvider.EquivalenceKey;
    protected override string LookalikeDeclarations => "public enum WorkflowSpecEnforcement { Deny, Warn, Off } public class ArgoControllerArgs { public WorkflowSpecEnforcement WorkflowSpecEnforcement { get; set; } }";
}

[Trait("Rule", "ARGO0023")]
public sealed class ARGO0023WorkflowNamespaceEnforcementTests : PropertyRuleTests<EnforceWorkflowSpecsCodeFixProvider>
{
    protected override string RuleId => "ARGO0023";
    protected override string TypeName => "WorkflowNamespaceArgs";
    protected override string Property => "WorkflowSpecEnforcement";
    protected override string ValueType => "WorkflowSpecEnforcement";
    protected override string Insecure => "WorkflowSpecEnforcement.Warn";
    protected override string Secure => "WorkflowSpecEnforcement.Deny";
    protected override string? Fixed => "WorkflowSpecEnforcement.Deny";
    protected override string? EquivalenceKey => EnforceWorkflowSpecsCodeFixProvider.EquivalenceKey;
    protected override string LookalikeDeclarations => "public enum WorkflowSpecEnforcement { Deny, Warn, Off } public class WorkflowNamespaceArgs { public WorkflowSpecEnforcement? WorkflowSpecEnforcement { get; set; } }";

    [Fact]
    public Task NullOnANamespace_InheritsTheInstallsMode_NoDiagnostic() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, EnforceWorkflowSpecsCodeFixProvider>.VerifyAnalyzerAsync("""
            using ArgoSecure;

            class C
            {
                void M()
                {
                    var a = new WorkflowNamespaceArgs { Name = "team-a", WorkflowSpecEnforcement = null, AllowedServiceAccounts = { "team-a-runner" } };
                    var b = new ArgoControllerArgs { WorkflowSpecEnforcement = WorkflowSpecEnforcement.Deny, AdmissionGuard = true };
                }
            }
            """);
}
