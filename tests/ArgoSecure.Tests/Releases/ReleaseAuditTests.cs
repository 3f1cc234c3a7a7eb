using ArgoSecure.Audit;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Releases;

/// <summary>The audit reads the release from the images (or --argo-version) and applies that release's defaults.</summary>
public class ReleaseAuditTests
{
    private static string Install(string controllerImage, string configData) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {"{"}name: workflow-controller, namespace: argo{"}"}
        spec:
          template:
            spec:
              containers:
                - name: workflow-controller
                  image: {controllerImage}
                  command: [workflow-controller]
                  args: [--configmap, workflow-controller-configmap]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {"{"}name: workflow-controller-configmap, namespace: argo{"}"}
        data:
        {configData}
        """;

    private const string PostgresWithoutSsl = """
          persistence: |
            postgresql:
              host: db
        """;

    private static AuditReport Audit(string yaml, string? argoVersion = null)
    {
        var loader = new ManifestLoader();
        return AuditEngine.Audit(loader.LoadText(yaml, "install.yaml"), ["install.yaml"], loader.Notes, argoVersion);
    }

    private static string DatabaseMessage(AuditReport report) => Assert.Single(report.Findings, f => f.RuleId == "ARGO0014").Message;

    [Theory]
    [InlineData("v3.7.18", "sslmode=prefer")]
    [InlineData("v4.0.10", "sslmode=prefer")]
    [InlineData("v4.1.2", "sslmode=disable")]
    public void PostgresWithoutSsl_IsReportedWithThatReleasesDefault(string version, string effect)
    {
        var message = DatabaseMessage(Audit(Install($"quay.io/argoproj/workflow-controller:{version}", PostgresWithoutSsl)));

        Assert.Contains(effect, message, StringComparison.Ordinal);
        Assert.Contains("persistence.postgresql.ssl is not set", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgoVersionOption_OverridesTheImages()
    {
        var yaml = Install("quay.io/argoproj/workflow-controller:latest", PostgresWithoutSsl);

        Assert.Contains("sslmode=disable", DatabaseMessage(Audit(yaml)), StringComparison.Ordinal);
        Assert.Contains("Argo 3.7 connects with sslmode=prefer", DatabaseMessage(Audit(yaml, "v3.7.18")), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Audit(yaml, "v3.6.1"));
    }

    [Fact]
    public void ImageOfAnUnsupportedLine_IsARGO0026_AndAuditedAsTheNearestLine()
    {
        var report = Audit(Install("quay.io/argoproj/workflow-controller:v3.6.5", PostgresWithoutSsl));

        var finding = Assert.Single(report.Findings, f => f.RuleId == "ARGO0026");
        Assert.Equal("Deployment argo/workflow-controller", finding.Object.ToString());
        Assert.Contains("v3.6.5", finding.Message, StringComparison.Ordinal);
        Assert.Contains("audited as Argo 3.7", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Rules.RuleSeverity.Error, finding.Severity);
        Assert.Contains("sslmode=prefer", DatabaseMessage(report), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigKeyTheReleaseDoesNotKnow_IsNoted()
    {
        const string data = """
              failedPodRestart: |
                enabled: false
              persistence: |
                connectionTimeoutSeconds: 10
                postgresql:
                  host: db
                  ssl: true
                  sslMode: verify-full
            """;

        var on37 = Audit(Install("quay.io/argoproj/workflow-controller:v3.7.18", data));
        var on41 = Audit(Install("quay.io/argoproj/workflow-controller:v4.1.2", data));

        var note = Assert.Single(on37.Notes, n => n.Contains("does not know", StringComparison.Ordinal));
        Assert.Contains("Argo v3.7.18 does not know the keys failedPodRestart, persistence.connectionTimeoutSeconds", note, StringComparison.Ordinal);
        Assert.DoesNotContain(on41.Notes, n => n.Contains("does not know", StringComparison.Ordinal));
    }

    [Fact]
    public void HelmChart_Of37_IsAuditedLikeThe40Chart()
    {
        var report = AuditEngine.Audit([], Upstream.InRepository("argo-helm", "argo-workflows-0.47.5", "values.yaml"));

        // The security defaults are the same in 0.47.x and 1.0.x (docs/least-privilege.md, Releases); the note says which charts it knows.
        Assert.Contains(report.Notes, n => n.Contains("charts 0.45.21 to 0.47.5 for Argo 3.7 and 1.0.0 to 1.0.18 for Argo 4.0", StringComparison.Ordinal));
        Assert.Equal(["ARGO0002", "ARGO0004", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0023", "ARGO0024"], report.RuleIds);
    }
}
