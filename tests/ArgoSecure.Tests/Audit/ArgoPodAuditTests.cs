using ArgoSecure.Audit;
using ArgoSecure.Rules;
using static ArgoSecure.Tests.Audit.AuditYaml;

namespace ArgoSecure.Tests.Audit;

/// <summary>ARGO0024: the controller and server pods, container by container.</summary>
public class ArgoPodAuditTests
{
    private static List<AuditFinding> PodFindings(params string[] documents) =>
        Run([.. documents, HardenedConfig, AllowAll]).Findings.Where(f => f.RuleId == RuleCatalog.ArgoPodNotHardened).ToList();

    [Fact]
    public void HardenedControllerAndServer_AreClean()
    {
        Assert.Empty(PodFindings(Controller(), Server("[server]")));
    }

    [Fact]
    public void BareContainer_ReportsEachMissingPropertyOnce()
    {
        var findings = PodFindings(Controller(hardening: ""));

        Assert.Equal(9, findings.Count);
        Assert.All(findings, f => Assert.Equal("Deployment argo/workflow-controller", f.Object.ToString()));
        foreach (var property in new[] { "runAsNonRoot", "seccompProfile", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "capabilities.drop", "resources.requests", "resources.limits", "livenessProbe", "readinessProbe" })
        {
            Assert.Single(findings, f => f.Message.Contains(property, StringComparison.Ordinal) && !f.Message.StartsWith(property, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryContainerIsChecked_InitContainersWithoutProbes()
    {
        var sidecar = "      - name: proxy\n        image: envoyproxy/envoy:v1.31.0\n";
        var init = "      initContainers:\n      - name: init\n        image: busybox:1.36\n";
        var controller = Controller() + "\n" + sidecar + init;

        var findings = PodFindings(controller);

        Assert.Equal(9, findings.Count(f => f.Message.StartsWith("Container 'proxy' ", StringComparison.Ordinal)));
        Assert.Equal(7, findings.Count(f => f.Message.StartsWith("Container 'init' ", StringComparison.Ordinal)));
        Assert.DoesNotContain(findings, f => f.Message.StartsWith("Container 'workflow-controller' ", StringComparison.Ordinal));
    }

    [Fact]
    public void PodLevelSeccompAndNonRoot_Count_ButTheContainerWins()
    {
        var podLevel = "      securityContext: {runAsNonRoot: true, seccompProfile: {type: Localhost, localhostProfile: argo.json}}\n";
        var withoutContainerLevel = Controller(hardening: HardenedContainer.Replace("runAsNonRoot: true, ", "", StringComparison.Ordinal)
            .Replace(", seccompProfile: {type: RuntimeDefault}", "", StringComparison.Ordinal));
        var overridden = Controller(hardening: HardenedContainer.Replace("RuntimeDefault", "Unconfined", StringComparison.Ordinal).Replace("runAsNonRoot: true", "runAsUser: 0", StringComparison.Ordinal));

        Assert.Empty(PodFindings(withoutContainerLevel + "\n" + podLevel));
        Assert.Equal(2, PodFindings(overridden + "\n" + podLevel).Count);
    }

    [Fact]
    public void NetBindService_MayBeAdded()
    {
        var controller = Controller(hardening: HardenedContainer.Replace("drop: [ALL]", "drop: [ALL], add: [NET_BIND_SERVICE]", StringComparison.Ordinal));

        Assert.Empty(PodFindings(controller));
    }

    [Fact]
    public void OtherWorkloads_AreNotThisRulesConcern()
    {
        const string minio = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: minio, namespace: argo}
            spec:
              template:
                spec:
                  containers:
                  - {name: minio, image: minio/minio:RELEASE.2024-01-01T00-00-00Z}
            """;

        Assert.Empty(PodFindings(Controller(), minio));
    }

    [Fact]
    public void AcceptedOnTheDeployment_IsAccepted()
    {
        var server = Server("[server]", annotations: """{"argosecure.io/accept-ARGO0024": "Resources are set by the namespace's LimitRange"}""",
            hardening: HardenedContainer.Replace("        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: \"1\", memory: 512Mi}}\n", "", StringComparison.Ordinal));

        var findings = PodFindings(server, Controller());

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("Resources are set by the namespace's LimitRange", f.Justification));
    }

    [Fact]
    public void HelmValues_ThatHardenThePods_LeaveOnlyTheControllerReadinessProbe()
    {
        var values = Path.Combine(Path.GetTempPath(), $"argosecure-values-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(values, """
            controller:
              podSecurityContext: {seccompProfile: {type: RuntimeDefault}}
              resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 512Mi}}
            server:
              podSecurityContext: {seccompProfile: {type: RuntimeDefault}}
              securityContext: {readOnlyRootFilesystem: true}
              resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 512Mi}}
              livenessProbe: {enabled: true}
            """);
        try
        {
            var findings = AuditEngine.Audit([], values).Findings.Where(f => f.RuleId == RuleCatalog.ArgoPodNotHardened).ToList();

            // The chart has no value for a controller readiness probe; the rest of its defaults merge with the values.
            var finding = Assert.Single(findings);
            Assert.StartsWith("Container 'controller' of the workflow-controller has no readinessProbe", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(values);
        }
    }
}
