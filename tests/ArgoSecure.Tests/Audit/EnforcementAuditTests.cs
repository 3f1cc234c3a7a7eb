using ArgoSecure.Audit;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>
/// ARGO0023 in the audit: ArgoSecure's own policies are recognised and pass; a namespace without a denying
/// binding, a binding in Warn mode, a policy without some checks and an install without any are reported. And the
/// workflow-spec rules the policies enforce (ARGO0021's capabilities, ARGO0022) are audited on workflow objects too.
/// </summary>
public class EnforcementAuditTests
{
    private static List<KubeObject> Rendered(ArgoWorkflowsArgs args, params string[] extra)
    {
        var loader = new ManifestLoader();
        var objects = loader.LoadText(ManifestRenderer.Render(Planner.Plan(args)), "rendered.yaml").ToList();
        objects.AddRange(extra.SelectMany((e, i) => loader.LoadText(e, $"extra-{i}.yaml")));
        return objects;
    }

    private static AuditReport Audit(IEnumerable<KubeObject> objects) => AuditEngine.Audit(objects.ToList(), ["test"]);

    private static ArgoWorkflowsArgs TwoTeams() => new() { WorkflowNamespaces = [new() { Name = "team-a" }, new() { Name = "team-b" }] };

    [Fact]
    public void RenderedInstall_WithTheHardenedSampleWorkflows_AuditsClean()
    {
        var workflows = Directory.GetFiles(Path.Combine(Upstream.RepositoryRoot, "samples", "workflows"), "*.yaml").Select(File.ReadAllText).ToArray();

        // The install they are written for: team-a's HTTP templates and the controller's image index.
        var report = Audit(Rendered(ArgoSecure.Options.OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", "cluster.yaml")), workflows));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void WithoutItsPolicies_TheInstallIsReportedOnce_OnTheController()
    {
        var objects = Rendered(TwoTeams()).Where(o => !o.Kind.StartsWith("ValidatingAdmissionPolicy", StringComparison.Ordinal));

        var finding = Assert.Single(Audit(objects).Findings);

        Assert.Equal(("ARGO0023", "Deployment argo/workflow-controller"), (finding.RuleId, finding.Object.ToString()));
    }

    [Fact]
    public void NamespaceWithoutABinding_IsReported_OnTheNamespace()
    {
        var objects = Rendered(TwoTeams()).Where(o => o.Name != "argosecure-team-b-workflow-specs");

        var finding = Assert.Single(Audit(objects).Findings);

        Assert.Equal(("ARGO0023", "Namespace/team-b"), (finding.RuleId, finding.Object.ToString()));
    }

    [Fact]
    public void WarnMode_IsReportedAsNotYetEnforcing_UnlessAccepted()
    {
        var args = TwoTeams();
        args.WorkflowNamespaces[1].WorkflowSpecEnforcement = WorkflowSpecEnforcement.Warn;

        var finding = Assert.Single(Audit(Rendered(args)).Findings);
        Assert.Equal(("ARGO0023", "ValidatingAdmissionPolicyBinding/argosecure-team-b-workflow-specs"), (finding.RuleId, finding.Object.ToString()));
        Assert.Contains("only warns and audits in 'team-b'", finding.Message, StringComparison.Ordinal);
        Assert.False(finding.IsAccepted);

        args.WorkflowNamespaces[1].AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0023", Justification = "Rolling out: warnings until 1 March" });
        var accepted = Assert.Single(Audit(Rendered(args)).Findings);
        Assert.True(accepted.IsAccepted);
        Assert.Equal("Rolling out: warnings until 1 March", accepted.Justification);
    }

    [Fact]
    public void AcceptedCheck_IsRecognisedOnThePolicy_ARemovedOneIsReported()
    {
        var args = TwoTeams();
        args.WorkflowNamespaces[0].AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0019", Justification = "GPU tolerations" });
        Assert.Empty(Audit(Rendered(args)).Findings);

        // Someone edits the rendered policy of team-b and drops a check: reported on the policy.
        var yaml = ManifestRenderer.Render(Planner.Plan(TwoTeams()));
        var start = yaml.IndexOf("name: argosecure-team-b-workflow-specs", StringComparison.Ordinal);
        var check = yaml.IndexOf("  - expression: variables.pods.all(p, !(has(p.hostNetwork)", start, StringComparison.Ordinal);
        var next = yaml.IndexOf("  - expression:", check + 10, StringComparison.Ordinal);
        var edited = yaml[..check] + yaml[next..];
        var finding = Assert.Single(AuditEngine.Audit(new ManifestLoader().LoadText(edited, "edited.yaml"), ["edited.yaml"]).Findings);
        Assert.Equal(("ARGO0023", "ValidatingAdmissionPolicy/argosecure-team-b-workflow-specs"), (finding.RuleId, finding.Object.ToString()));
        Assert.Contains("does not check ARGO0020", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterInstall_WithoutTheClusterTemplatePolicy_IsReported()
    {
        var objects = Rendered(TwoTeams()).Where(o => o.Name != "argosecure-argo-cluster-workflow-templates");

        var finding = Assert.Single(Audit(objects).Findings);

        Assert.Equal(("ARGO0023", "Deployment argo/workflow-controller"), (finding.RuleId, finding.Object.ToString()));
        Assert.Contains("ClusterWorkflowTemplates", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedOff_RendersWhatTheAuditAccepts()
    {
        var args = TwoTeams();
        args.Controller.AdmissionGuard = false;
        args.Controller.AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0023", Justification = "Kubernetes 1.29 until the upgrade" });

        var finding = Assert.Single(Audit(Rendered(args)).Findings);

        Assert.Equal(("ARGO0023", "Deployment argo/workflow-controller"), (finding.RuleId, finding.Object.ToString()));
        Assert.Equal("Kubernetes 1.29 until the upgrade", finding.Justification);
    }

    [Fact]
    public void OneNamespaceOff_WithItsRiskAccepted_AuditsAccepted()
    {
        var args = TwoTeams();
        args.WorkflowNamespaces[1].WorkflowSpecEnforcement = WorkflowSpecEnforcement.Off;
        args.WorkflowNamespaces[1].AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0023", Justification = "Kyverno enforces it there" });

        var finding = Assert.Single(Audit(Rendered(args)).Findings);

        Assert.Equal(("ARGO0023", "Namespace/team-b", "Kyverno enforces it there"), (finding.RuleId, finding.Object.ToString(), finding.Justification));
    }

    [Fact]
    public void ArgoPodMetadata_IsReported_ExceptTheKillCommandAnnotation()
    {
        var workflow = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: labels
              namespace: team-a
            spec:
              podMetadata:
                labels:
                  workflows.argoproj.io/workflow: other
                annotations:
                  workflows.argoproj.io/kill-cmd-proxy: '["kill"]'
              templates:
              - name: main
                metadata:
                  annotations:
                    workflows.argoproj.io/pod-gc-strategy: broken
                container:
                  image: busybox:1.36
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, workflow);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ARGO0022", finding.RuleId);
        Assert.Contains("'workflows.argoproj.io/workflow' (spec.podMetadata)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'workflows.argoproj.io/pod-gc-strategy' (template 'main' metadata)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kill-cmd", finding.Message, StringComparison.Ordinal);
        Assert.Equal(9, finding.Location.Line); // the workflows.argoproj.io/workflow label
    }

    [Fact]
    public void AddedCapability_IsArgo0021_NetBindServiceIsNot()
    {
        static string Workflow(string capability) => $$"""
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: caps
              namespace: team-a
            spec:
              templates:
              - name: main
                container:
                  image: busybox:1.36
                  securityContext:
                    capabilities: {add: [{{capability}}]}
            """;

        Assert.Equal(["ARGO0021"], AuditYaml.Run(AuditYaml.HardenedConfig, Workflow("SYS_ADMIN")).RuleIds);
        Assert.Empty(AuditYaml.Run(AuditYaml.HardenedConfig, Workflow("NET_BIND_SERVICE")).Findings);
    }
}
