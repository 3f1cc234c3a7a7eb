using ArgoSecure.Audit;

namespace ArgoSecure.Tests.Audit;

/// <summary>Workflow objects are audited on their effective spec: workflowDefaults merged under the workflow.</summary>
public class WorkflowSpecAuditTests
{
    private const string BareWorkflow = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: hello
          namespace: team-a
        spec:
          entrypoint: main
          templates:
          - name: main
            container:
              image: busybox:1.36
          - name: steps
            steps: []
        """;

    [Fact]
    public void BareWorkflow_WithoutDefaults_RunsAsDefaultRootWithToken()
    {
        var report = AuditYaml.Run(BareWorkflow);

        Assert.Equal(["ARGO0007", "ARGO0008", "ARGO0009"], report.RuleIds);
        Assert.All(report.Findings, f => Assert.Equal("Workflow team-a/hello", f.Object.ToString()));
        // Only the template that runs a pod is named; the steps template is not.
        Assert.All(report.Findings, f => Assert.Contains("'main'", f.Message, StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.DoesNotContain("'steps'", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void BareWorkflow_UnderHardenedDefaults_IsClean()
    {
        var report = AuditYaml.Run(AuditYaml.HardenedConfig, BareWorkflow);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void TemplateValues_WinOverDefaults()
    {
        var workflow = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: override
              namespace: team-a
            spec:
              templates:
              - name: main
                serviceAccountName: default
                automountServiceAccountToken: true
                securityContext:
                  runAsUser: 0
                container:
                  image: busybox:1.36
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, workflow);

        Assert.Equal(["ARGO0007", "ARGO0008", "ARGO0009"], report.RuleIds);
        var sa = Assert.Single(report.Findings, f => f.RuleId == "ARGO0009");
        Assert.Equal("test-1.yaml", sa.Location.File);
        Assert.Equal(9, sa.Location.Line); // the serviceAccountName: default line
    }

    [Fact]
    public void PodSpecPatch_HostNamespacesAndPrivilege_AreReported()
    {
        var workflow = """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: risky
              namespace: team-a
            spec:
              podSpecPatch: |
                hostPID: true
                containers:
                - name: main
                  securityContext:
                    privileged: true
              templates:
              - name: main
                container:
                  image: busybox:1.36
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, workflow);

        Assert.Equal(["ARGO0019", "ARGO0020", "ARGO0021"], report.RuleIds);
        // Lines inside the embedded patch map back to the manifest: privileged is on line 12, hostPID on line 8.
        Assert.Equal(12, Assert.Single(report.Findings, f => f.RuleId == "ARGO0021").Location.Line);
        Assert.Equal(8, Assert.Single(report.Findings, f => f.RuleId == "ARGO0020").Location.Line);
    }

    [Fact]
    public void CronWorkflow_IsAuditedOnItsWorkflowSpec()
    {
        var cron = """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata:
              name: nightly
              namespace: team-a
            spec:
              schedule: "0 1 * * *"
              workflowSpec:
                hostNetwork: true
                templates:
                - name: main
                  container:
                    image: busybox:1.36
                  sidecars:
                  - name: helper
                    image: busybox:1.36
                    securityContext:
                      allowPrivilegeEscalation: true
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, cron);

        Assert.Equal(["ARGO0020", "ARGO0021"], report.RuleIds);
    }

    [Fact]
    public void ClusterWorkflowTemplate_WithPrivilegedContainerSet_IsReported()
    {
        var template = """
            apiVersion: argoproj.io/v1alpha1
            kind: ClusterWorkflowTemplate
            metadata:
              name: shared
            spec:
              templates:
              - name: main
                containerSet:
                  containers:
                  - name: a
                    image: busybox:1.36
                    securityContext:
                      privileged: true
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, template);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ARGO0021", finding.RuleId);
        Assert.Equal("ClusterWorkflowTemplate/shared", finding.Object.ToString());
    }

    [Fact]
    public void WorkflowTemplateRef_TakesTheReferencedTemplatesSpec()
    {
        var template = """
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            metadata:
              name: reviewed
              namespace: team-a
            spec:
              serviceAccountName: team-a-runner
              templates:
              - name: main
                container:
                  image: busybox:1.36
            """;
        var workflow = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              generateName: run-
              namespace: team-a
            spec:
              workflowTemplateRef:
                name: reviewed
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, template, workflow);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void AcceptedRisk_OnTheObject_IsKeptAndDoesNotFail()
    {
        var workflow = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: legacy
              namespace: team-a
              annotations:
                argosecure.io/accept-ARGO0019: "Needs a GPU toleration until the template supports it"
            spec:
              podSpecPatch: '{"tolerations":[{"key":"gpu","operator":"Exists"}]}'
              templates:
              - name: main
                container:
                  image: busybox:1.36
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, workflow);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ARGO0019", finding.RuleId);
        Assert.True(finding.IsAccepted);
        Assert.Equal("Needs a GPU toleration until the template supports it", finding.Justification);
        Assert.False(report.Fails(ArgoSecure.Rules.RuleSeverity.Info));
    }

    [Fact]
    public void AcceptanceWithoutJustification_DoesNotAccept_AndSaysSo()
    {
        var workflow = """
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: legacy
              namespace: team-a
              annotations:
                argosecure.io/accept-ARGO0019: ""
                argosecure.io/accept-ARGO9999: "typo"
            spec:
              podSpecPatch: '{}'
              templates:
              - name: main
                container:
                  image: busybox:1.36
            """;

        var report = AuditYaml.Run(AuditYaml.HardenedConfig, workflow);

        Assert.False(Assert.Single(report.Findings).IsAccepted);
        Assert.Contains(report.Notes, n => n.Contains("argosecure.io/accept-ARGO0019", StringComparison.Ordinal) && n.Contains("no justification", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("ARGO9999", StringComparison.Ordinal));
    }
}
