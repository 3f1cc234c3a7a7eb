using ArgoSecure.Planning;
using ArgoSecure.Tests.TestSupport;
using ArgoSecure.Validation;
using k8s.Models;

namespace ArgoSecure.Tests.Enforcement;

/// <summary>What the Args change in the policies: allowed service accounts, accepted risks, the rollout mode, off.</summary>
public class EnforcementArgsTests
{
    private static ArgoWorkflowsArgs Install(params WorkflowNamespaceArgs[] namespaces) => new() { WorkflowNamespaces = [.. namespaces] };

    private static Manifests Render(ArgoWorkflowsArgs args) => Manifests.Render(args);

    private static V1ValidatingAdmissionPolicy Policy(Manifests manifests, string ns) =>
        manifests.OfType<V1ValidatingAdmissionPolicy>().Single(p => p.Metadata.Name == $"argosecure-{ns}-workflow-specs");

    private static V1ValidatingAdmissionPolicyBinding Binding(Manifests manifests, string ns) =>
        manifests.OfType<V1ValidatingAdmissionPolicyBinding>().Single(p => p.Metadata.Name == $"argosecure-{ns}-workflow-specs");

    [Fact]
    public void AllowedServiceAccounts_AreAdmitted_InTheirNamespaceOnly()
    {
        var manifests = Render(Install(new() { Name = "team-a", AllowedServiceAccounts = ["team-a-runner"] }, new() { Name = "team-b" }));
        var workflow = YamlJson.Single(Fixtures.Workflow("serviceAccountName: team-a-runner\n" + Fixtures.Main));

        Assert.Equal("admitted", CelEngine.Shared.Admit(Policy(manifests, "team-a").Spec, AdmissionRequest.Create(workflow)).Outcome);
        Assert.Equal(["ARGO0009"], CelEngine.Shared.Admit(Policy(manifests, "team-b").Spec, AdmissionRequest.Create(workflow)).RuleIds);
        Assert.Contains("allowed: argo-workflow, team-a-runner", Policy(manifests, "team-a").Spec.Validations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomWorkflowAndExecutorAccounts_AreTheOnesEnforced()
    {
        var args = Install(new WorkflowNamespaceArgs { Name = "ml" });
        args.Controller.WorkflowDefaults.ServiceAccountName = "ml-runner";
        args.Controller.WorkflowDefaults.ExecutorServiceAccountName = "ml-executor";
        var policy = Policy(Render(args), "ml").Spec;

        Assert.Equal("admitted", CelEngine.Shared.Admit(policy, AdmissionRequest.Create(YamlJson.Single(
            Fixtures.Workflow("serviceAccountName: ml-runner\nexecutor: {serviceAccountName: ml-executor}\n" + Fixtures.Main)))).Outcome);
        Assert.Equal(["ARGO0009"], CelEngine.Shared.Admit(policy, AdmissionRequest.Create(YamlJson.Single(
            Fixtures.Workflow("serviceAccountName: argo-workflow\nexecutor: {serviceAccountName: argo-executor}\n" + Fixtures.Main)))).RuleIds);
    }

    [Fact]
    public void AcceptedRisk_RemovesThatOneCheck_InThatNamespace_AndRecordsWhy()
    {
        var manifests = Render(Install(
            new() { Name = "gpu", AcceptedRisks = [new() { RuleId = "ARGO0019", Justification = "GPU tolerations until templates support them" }] },
            new() { Name = "web" }));
        var patched = YamlJson.Single(Fixtures.Workflow("podSpecPatch: '{\"tolerations\": []}'\n" + Fixtures.Main));
        var gpu = Policy(manifests, "gpu");

        Assert.Equal("admitted", CelEngine.Shared.Admit(gpu.Spec, AdmissionRequest.Create(patched)).Outcome);
        Assert.Equal(["ARGO0019"], CelEngine.Shared.Admit(Policy(manifests, "web").Spec, AdmissionRequest.Create(patched)).RuleIds);
        Assert.Equal("GPU tolerations until templates support them", gpu.Metadata.Annotations["argosecure.io/accept-ARGO0019"]);
        Assert.Equal(Policy(manifests, "web").Spec.Validations.Count - 1, gpu.Spec.Validations.Count);
        Assert.DoesNotContain(gpu.Spec.Validations, v => v.Message.StartsWith("ARGO0019", StringComparison.Ordinal));

        // Still enforced there: everything else.
        var privileged = YamlJson.Single(Fixtures.Workflow("podSpecPatch: '{}'\nhostNetwork: true\n" + Fixtures.Main));
        Assert.Equal(["ARGO0020"], CelEngine.Shared.Admit(gpu.Spec, AdmissionRequest.Create(privileged)).RuleIds);
    }

    [Fact]
    public void InstallWideAcceptedRisk_RelaxesEveryNamespace_AndClusterTemplates()
    {
        var args = Install(new() { Name = "a" }, new() { Name = "b" });
        args.AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0022", Justification = "Our mesh sets Argo's kill-cmd labels" });
        var policies = Policies.WorkflowSpecPolicies(Render(args)).ToList();

        Assert.Equal(3, policies.Count);
        Assert.All(policies, p => Assert.DoesNotContain(p.Spec.Validations, v => v.Message.StartsWith("ARGO0022", StringComparison.Ordinal)));
        Assert.All(policies, p => Assert.Equal("Our mesh sets Argo's kill-cmd labels", p.Metadata.Annotations["argosecure.io/accept-ARGO0022"]));
    }

    [Fact]
    public void WarnMode_WarnsAndAudits_PerNamespace_AndIsReported()
    {
        var args = Install(new() { Name = "legacy", WorkflowSpecEnforcement = WorkflowSpecEnforcement.Warn }, new() { Name = "new" });
        var manifests = Render(args);

        Assert.Equal(["Warn", "Audit"], Binding(manifests, "legacy").Spec.ValidationActions);
        Assert.Equal(["Deny"], Binding(manifests, "new").Spec.ValidationActions);
        var finding = Assert.Single(ArgsValidator.Validate(args).Findings);
        Assert.Equal("ARGO0023", finding.RuleId);
        Assert.Equal("WorkflowNamespaces[0].WorkflowSpecEnforcement", finding.Property);
        Assert.Contains("Switch to Deny", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnMode_ForTheWholeInstall_CoversEveryNamespace_AndIsReportedOnce()
    {
        var args = Install(new() { Name = "a" }, new() { Name = "b", WorkflowSpecEnforcement = WorkflowSpecEnforcement.Deny });
        args.Controller.WorkflowSpecEnforcement = WorkflowSpecEnforcement.Warn;
        args.AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0023", Justification = "Rollout: two weeks of warnings first" });
        var manifests = Render(args);

        Assert.Equal(["Warn", "Audit"], Binding(manifests, "a").Spec.ValidationActions);
        Assert.Equal(["Deny"], Binding(manifests, "b").Spec.ValidationActions);
        Assert.Equal(["Warn", "Audit"], manifests.OfType<V1ValidatingAdmissionPolicyBinding>().Single(b => b.Metadata.Name == "argosecure-argo-cluster-workflow-templates").Spec.ValidationActions);
        Assert.Equal("Rollout: two weeks of warnings first", Binding(manifests, "a").Metadata.Annotations["argosecure.io/accept-ARGO0023"]);
        Assert.Null(Binding(manifests, "b").Metadata.Annotations);
        var finding = Assert.Single(ArgsValidator.Validate(args).Findings);
        Assert.Equal("Controller.WorkflowSpecEnforcement", finding.Property);
        Assert.True(finding.IsAccepted);
    }

    [Fact]
    public void Off_RendersNoPolicy_ThereOnly()
    {
        var args = Install(new() { Name = "old", WorkflowSpecEnforcement = WorkflowSpecEnforcement.Off }, new() { Name = "new" });
        var manifests = Render(args);

        Assert.DoesNotContain(manifests.OfType<V1ValidatingAdmissionPolicy>(), p => p.Metadata.Name.Contains("-old-", StringComparison.Ordinal));
        Assert.Single(manifests.OfType<V1ValidatingAdmissionPolicy>(), p => p.Metadata.Name == "argosecure-new-workflow-specs");
        Assert.Equal("ARGO0023", Assert.Single(ArgsValidator.Validate(args).Findings).RuleId);
    }

    [Fact]
    public void AdmissionGuardOff_RendersNoAdmissionPolicyAtAll_AndSaysWhatIsLost()
    {
        var args = Install(new WorkflowNamespaceArgs { Name = "a" });
        args.Controller.AdmissionGuard = false;

        Assert.Empty(Render(args).OfType<V1ValidatingAdmissionPolicy>());
        var finding = Assert.Single(ArgsValidator.Validate(args).Findings);
        Assert.Equal(("ARGO0023", "Controller.AdmissionGuard"), (finding.RuleId, finding.Property));
        Assert.Contains("no workflow namespace holds workflow specs", finding.Message, StringComparison.Ordinal);
        Assert.Contains("controller's namespace", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespaceInstall_EnforcesItsManagedNamespace()
    {
        var args = new ArgoWorkflowsArgs { Controller = new() { Scope = InstallScope.Namespaced("pipelines") } };

        var policies = Policies.WorkflowSpecPolicies(Render(args)).ToList();

        Assert.Equal("argosecure-pipelines-workflow-specs", Assert.Single(policies).Metadata.Name);
    }

    [Fact]
    public void AllowedDefaultServiceAccount_IsArgo0009()
    {
        var args = Install(new WorkflowNamespaceArgs { Name = "a", AllowedServiceAccounts = ["default"] });

        var finding = Assert.Single(ArgsValidator.Validate(args).Findings);

        Assert.Equal(("ARGO0009", "WorkflowNamespaces[0].AllowedServiceAccounts[0]"), (finding.RuleId, finding.Property));
    }

    [Fact]
    public void SameArgs_RenderTheSamePolicies()
    {
        var args = () => Install(new WorkflowNamespaceArgs { Name = "a", AllowedServiceAccounts = ["x", "y"], AcceptedRisks = [new() { RuleId = "ARGO0007", Justification = "legacy image" }] });

        Assert.Equal(Render(args()).Yaml, Render(args()).Yaml);
    }
}
