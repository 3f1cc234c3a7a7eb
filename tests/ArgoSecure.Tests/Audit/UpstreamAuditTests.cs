using ArgoSecure.Audit;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>The audit on real manifests nobody here wrote: the Argo v4.1.2 kustomize folders and the argo-helm chart's defaults.</summary>
public class UpstreamAuditTests
{
    private static AuditReport AuditFolder(params string[] relative) =>
        AuditEngine.Audit([Upstream.RequireDirectory(["argo-workflows", "v4.1.2", "manifests", .. relative])]);

    private static IEnumerable<AuditFinding> Of(AuditReport report, string ruleId) => report.Findings.Where(f => f.RuleId == ruleId);

    [SkippableFact]
    public void ClusterInstall_HasExactlyTheExpectedRules()
    {
        var report = AuditFolder("cluster-install");

        Assert.Equal(["ARGO0002", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0018", "ARGO0023", "ARGO0024"], report.RuleIds);
        Assert.Equal(["ClusterRole/argo-aggregate-to-admin", "ClusterRole/argo-aggregate-to-edit"],
            Of(report, "ARGO0002").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
        var serverRole = Assert.Single(Of(report, "ARGO0012"));
        Assert.Equal("ClusterRole/argo-server-cluster-role", serverRole.Object.ToString());
        Assert.Contains("reads every Secret of the cluster", serverRole.Message, StringComparison.Ordinal);
        Assert.Contains("pods/exec", serverRole.Message, StringComparison.Ordinal);
        Assert.EndsWith("argo-server-rbac/argo-server-clusterole.yaml", serverRole.Location.File, StringComparison.Ordinal);
        Assert.Equal(2, Of(report, "ARGO0018").Count());
        // No admission policy holds workflow specs: reported once, on the controller.
        var enforcement = Assert.Single(Of(report, "ARGO0023"));
        Assert.Equal("Deployment argo/workflow-controller", enforcement.Object.ToString());
        Assert.Contains("No ValidatingAdmissionPolicy", enforcement.Message, StringComparison.Ordinal);
        Assert.All(report.Findings, f => Assert.True(f.Location.Line > 0, $"{f.RuleId} has no line"));
        // The kustomization's namespace reaches the objects.
        Assert.Contains(report.Findings, f => f.Object.ToString() == "Deployment argo/workflow-controller");
        Assert.DoesNotContain(report.Findings, f => f.IsAccepted);
        AssertUpstreamPodsNotHardened(report);
    }

    /// <summary>
    /// The upstream controller and server containers run non-root, read-only, without escalation and with every
    /// capability dropped, but with no seccomp profile and no resources; the controller has no readiness probe and the
    /// server no liveness probe.
    /// </summary>
    private static void AssertUpstreamPodsNotHardened(AuditReport report)
    {
        var pods = Of(report, "ARGO0024").ToList();
        Assert.Equal(8, pods.Count);
        foreach (var (deployment, probe) in new[] { ("workflow-controller", "readinessProbe"), ("argo-server", "livenessProbe") })
        {
            var messages = pods.Where(f => f.Object.Name == deployment).Select(f => f.Message).ToList();
            Assert.Equal(4, messages.Count);
            foreach (var expected in new[] { "has no seccompProfile (pod or container)", "has no resources.requests", "has no resources.limits", $"has no {probe}" })
            {
                Assert.Single(messages, m => m.Contains(expected, StringComparison.Ordinal));
            }

            Assert.All(messages, m => Assert.StartsWith($"Container '{deployment}' of ", m, StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public void NamespaceInstall_ManagesItsOwnNamespace_FromTheOverlayPatches()
    {
        var report = AuditFolder("namespace-install");

        Assert.Equal(["ARGO0001", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0018", "ARGO0023", "ARGO0024"], report.RuleIds);
        var scope = Of(report, "ARGO0001").ToList();
        Assert.Equal(["Deployment/argo-server", "Deployment/workflow-controller"], scope.Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
        // The --namespaced flag comes from the JSON patches in overlays/, and the finding points there.
        Assert.All(scope, f => Assert.Contains("namespace-install/overlays/", f.Location.File, StringComparison.Ordinal));
        Assert.Equal("Role/argo-server-role", Assert.Single(Of(report, "ARGO0012")).Object.ToString());
        // No aggregation and no cluster roles in a namespace install: nothing for ARGO0002.
        Assert.Empty(Of(report, "ARGO0002"));
        AssertUpstreamPodsNotHardened(report);
    }

    [SkippableFact]
    public void QuickStartMinimal_RunsAuthModeServer()
    {
        var report = AuditFolder("quick-start", "minimal");

        Assert.Equal(["ARGO0002", "ARGO0003", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0016", "ARGO0018", "ARGO0023", "ARGO0024"], report.RuleIds);
        var authMode = Assert.Single(Of(report, "ARGO0003"));
        Assert.Equal("Deployment argo/argo-server", authMode.Object.ToString());
        Assert.EndsWith("quick-start/base/overlays/argo-server-deployment.yaml", authMode.Location.File, StringComparison.Ordinal);
        Assert.Equal(
            ["Secret/argo-server-sso", "Secret/my-httpbin-cred", "Secret/my-minio-cred"],
            Of(report, "ARGO0016").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
        AssertUpstreamPodsNotHardened(report);
        // With auth mode server the write verbs of the server's roles count too.
        Assert.Equal(
            ["ClusterRole/argo-server-cluster-role", "ClusterRole/argo-server-clusterworkflowtemplate-role"],
            Of(report, "ARGO0012").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void QuickStartPostgres_AddsTheUnverifiedDatabase()
    {
        var report = AuditFolder("quick-start", "postgres");

        Assert.Equal(["ARGO0002", "ARGO0003", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0014", "ARGO0016", "ARGO0018", "ARGO0023", "ARGO0024"], report.RuleIds);
        Assert.Equal(2, Of(report, "ARGO0014").Count()); // persistence and synchronization
        Assert.Contains(Of(report, "ARGO0016"), f => f.Object.ToString() == "Secret/argo-postgres-config" && f.Message.Contains("database", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void QuickStartFolder_AuditsEachVariantAsItsOwnInstall()
    {
        var report = AuditFolder("quick-start");

        // minimal, mysql, postgres, sso and telemetry are alternative builds: the union of their findings.
        Assert.Equal(["ARGO0002", "ARGO0003", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0014", "ARGO0016", "ARGO0018", "ARGO0023", "ARGO0024"], report.RuleIds);
        Assert.Contains(Of(report, "ARGO0014"), f => f.Message.Contains("mysql", StringComparison.Ordinal));
        Assert.Contains(Of(report, "ARGO0014"), f => f.Message.Contains("postgresql", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void HelmChartDefaults_HaveExactlyTheExpectedRules()
    {
        var values = Upstream.RequireDirectory("argo-helm", "charts", "argo-workflows", "values.yaml");

        var report = AuditEngine.Audit([], values);

        Assert.Equal(["ARGO0002", "ARGO0004", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0023", "ARGO0024"], report.RuleIds);
        // server.secure: false is reported on its own line of the values file.
        var tls = Assert.Single(Of(report, "ARGO0004"));
        var lines = File.ReadAllLines(values);
        Assert.Equal("  secure: false", lines[tls.Location.Line - 1]);
        Assert.Contains("reads every Secret", Assert.Single(Of(report, "ARGO0012")).Message, StringComparison.Ordinal);
        // The chart's own server securityContext writes readOnlyRootFilesystem: false; the finding points at that line.
        var writable = Assert.Single(Of(report, "ARGO0024"), f => f.Message.Contains("readOnlyRootFilesystem", StringComparison.Ordinal));
        Assert.Equal("    readOnlyRootFilesystem: false", lines[writable.Location.Line - 1]);
        Assert.Contains("Container 'argo-server' of argo-server sets readOnlyRootFilesystem: false.", writable.Message, StringComparison.Ordinal);
        Assert.Equal(9, Of(report, "ARGO0024").Count());
    }

    [SkippableFact]
    public void HelmChartDefaults_ReadAsAnEmptyValuesFile_GiveTheSameRules()
    {
        var values = Upstream.RequireDirectory("argo-helm", "charts", "argo-workflows", "values.yaml");
        var empty = Path.Combine(Path.GetTempPath(), $"argosecure-empty-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(empty, "# no overrides\n");
        try
        {
            Assert.Equal(AuditEngine.Audit([], values).RuleIds, AuditEngine.Audit([], empty).RuleIds);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
