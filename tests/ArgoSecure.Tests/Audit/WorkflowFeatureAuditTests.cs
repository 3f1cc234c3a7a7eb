using ArgoSecure.Audit;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>
/// ARGO0025 in the audit: a workflow that needs a feature the install in the same inputs leaves off is reported,
/// from what the install shows (its grants, flags, image index and egress), on ArgoSecure's own installs and on the
/// upstream v4.1.2 manifests; nothing is reported where the inputs do not show the install.
/// </summary>
public sealed class WorkflowFeatureAuditTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("argosecure-features-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Workflow(string ns, string spec, string annotations = "{}") => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: needs
          namespace: {ns}
          annotations: {annotations}
        spec:
        {string.Join("\n", spec.Split('\n').Select(l => "  " + l))}
        """;

    private static readonly string Http = "templates:\n- name: main\n  http: {url: 'https://hooks.example.com'}";
    private static readonly string Plugin = "templates:\n- name: main\n  plugin:\n    slack: {text: hi}";
    private static readonly string Memoize = "templates:\n- name: main\n  memoize: {key: k, cache: {configMap: {name: ml-cache}}}\n  container: {image: busybox:1.36, command: [sh]}";
    private static readonly string Unlisted = "templates:\n- name: main\n  container: {image: alpine:3.20}";
    private static readonly string Large = "templates:\n- name: main\n  container:\n    image: busybox:1.36\n    command: [sh]\n    args: ['" + new string('x', 140_000) + "']";

    private static List<AuditFinding> Argo0025(ArgoWorkflowsArgs install, string workflow)
    {
        var loader = new ManifestLoader();
        var objects = loader.LoadText(ManifestRenderer.Render(Planner.Plan(install)), "rendered.yaml").Concat(loader.LoadText(workflow, "workflow.yaml")).ToList();
        return AuditEngine.Audit(objects, ["test"]).Findings.Where(f => f.RuleId == "ARGO0025").ToList();
    }

    private static ArgoWorkflowsArgs ClusterSample() => OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", "cluster.yaml"));

    private static ArgoWorkflowsArgs EveryFeature() => ArgsVariants.EveryFeature(InstallScope.Cluster, "ml");

    public static TheoryData<string, string, string, string> Reported => new()
    {
        { "http template where HTTP templates are off", "team-b", Http, "HttpTemplates" },
        { "plugin template (no executor plugins)", "team-a", Plugin, "--executor-plugins" },
        { "memoize without the cache's grants", "team-a", Memoize, "MemoizationCaches" },
        { "unlisted image without command, controller egress pinned to the API server on 6443", "team-a", Unlisted, "reach no registry of 'alpine:3.20'" },
        { "template over 128 KiB without offload", "team-b", Large, "LargeTemplateOffload" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void ClusterSample_WorkflowNeedingAnOffFeature_IsReported(string name, string ns, string spec, string hint)
    {
        var finding = Assert.Single(Argo0025(ClusterSample(), Workflow(ns, spec)));

        Assert.Equal($"Workflow {ns}/needs", finding.Object.ToString());
        Assert.Contains(hint, finding.Message, StringComparison.Ordinal);
        Assert.Equal("workflow.yaml", finding.Location.File);
        Assert.True(finding.Location.Line > 1, name);
    }

    [Fact]
    public void SwitchOn_NothingIsReported()
    {
        Assert.Empty(Argo0025(ClusterSample(), Workflow("team-a", Http)));
        Assert.Empty(Argo0025(ClusterSample(), Workflow("team-a", Unlisted.Replace("alpine:3.20", "busybox:1.36", StringComparison.Ordinal))));
        Assert.Empty(Argo0025(EveryFeature(), Workflow("ml", Memoize)));
        Assert.Empty(Argo0025(EveryFeature(), Workflow("ml", Unlisted)));
        Assert.Empty(Argo0025(EveryFeature(), Workflow("ml", "imagePullSecrets: [{name: registry-credentials}]\n" + Unlisted)));
        Assert.Empty(Argo0025(EveryFeature(), Workflow("ml", Large)));
    }

    [Fact]
    public void PullSecretTheControllerMayNotRead_IsReported()
    {
        var finding = Assert.Single(Argo0025(EveryFeature(), Workflow("ml", "imagePullSecrets: [{name: other}]\n" + Unlisted)));

        Assert.Contains("may not read the image-pull Secret 'other' in 'ml'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedOnTheWorkflow_IsKeptAsAccepted()
    {
        var finding = Assert.Single(Argo0025(ClusterSample(), Workflow("team-b", Http, "{argosecure.io/accept-ARGO0025: 'HTTP templates come in the next release'}")));

        Assert.True(finding.IsAccepted);
    }

    [Fact]
    public void WithoutTheInstall_NothingIsKnown_NothingIsReported()
    {
        var loader = new ManifestLoader();
        var objects = new[] { Http, Plugin, Memoize, Unlisted, Large }.SelectMany((s, i) => loader.LoadText(Workflow("team-a", s).Replace("name: needs", $"name: needs-{i}", StringComparison.Ordinal), $"w{i}.yaml")).ToList();

        Assert.DoesNotContain(AuditEngine.Audit(objects, ["test"]).Findings, f => f.RuleId == "ARGO0025");
    }

    [SkippableFact]
    public void UpstreamClusterInstall_LacksWhatTheReferenceSaysItLacks()
    {
        // Reference §5.7: upstream grants the HTTP templates' task sets and agent CA (F14, F15), but not the memoization
        // caches (F9), the offload ConfigMap (F11) or image-pull Secrets (F13); it runs no executor plugins.
        var install = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install");
        var cases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["http"] = Http,
            ["plugin"] = Plugin,
            ["memoize"] = Memoize,
            ["unlisted"] = Unlisted,
            ["pull-secret"] = "imagePullSecrets: [{name: registry-credentials}]\n" + Unlisted,
            ["large"] = Large,
        };
        var files = cases.Select(c =>
        {
            var path = Path.Combine(folder, c.Key + ".yaml");
            File.WriteAllText(path, Workflow("team-a", c.Value).Replace("name: needs", "name: " + c.Key, StringComparison.Ordinal));
            return path;
        }).ToList();

        var report = AuditEngine.Audit([install, .. files]);

        var reported = report.Findings.Where(f => f.RuleId == "ARGO0025").Select(f => f.Object.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["large", "memoize", "plugin", "pull-secret"], reported);
    }
}
