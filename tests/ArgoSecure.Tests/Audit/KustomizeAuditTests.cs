using ArgoSecure.Audit;
using ArgoSecure.Input;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>
/// Kustomization folders built by the real kustomize (<c>kubectl kustomize</c>) and by the built-in subset give the
/// same findings at the same source lines on the upstream folders; the real one is bounded (output size, time), and
/// each path says in the notes how a folder was built.
/// </summary>
public sealed class KustomizeAuditTests : IDisposable
{
    /// <summary>Set (CI does) to fail instead of skip when kubectl is not on the PATH.</summary>
    private const string RequireVariable = "ARGOSECURE_REQUIRE_KUBECTL";

    private readonly string root = Directory.CreateTempSubdirectory("argosecure-kustomize-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    public static TheoryData<string> UpstreamFolders() =>
    [
        "cluster-install", "cluster-install-no-crds", "namespace-install", "quick-start/minimal", "quick-start/postgres", "quick-start/mysql",
        "quick-start/sso", "quick-start/telemetry", "quick-start/base", "base/crds/minimal",
    ];

    [SkippableTheory]
    [MemberData(nameof(UpstreamFolders))]
    public void UpstreamFolder_GivesTheSameFindings_AtTheSameLines_WithKubectlKustomizeAsWithTheBuiltInSubset(string folder)
    {
        RequireKubectl();
        var manifests = CopyUpstreamManifests();
        var path = Path.Combine(manifests, folder);

        var builtIn = AuditEngine.Audit([path], kustomize: KustomizeChoice.BuiltIn);
        var real = AuditEngine.Audit([path], kustomize: KustomizeChoice.Default with { Mode = KustomizeMode.Kubectl });

        Assert.Empty(builtIn.Refused);
        Assert.Empty(real.Refused);
        Assert.Equal(builtIn.ObjectCount, real.ObjectCount);
        Assert.Equal(Keys(builtIn), Keys(real));
        Assert.Contains(builtIn.Notes, n => n.Contains("built with the audit's built-in kustomize subset (--kustomize builtin)", StringComparison.Ordinal));
        Assert.DoesNotContain(real.Notes, n => n.Contains("built-in kustomize subset", StringComparison.Ordinal));
        Assert.DoesNotContain(real.Notes, n => n.Contains("no counterpart", StringComparison.Ordinal));
        Assert.All(real.Findings, f => Assert.DoesNotContain("kubectl kustomize", f.Location.File, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void UpstreamFolder_WhereKubectlFails_FallsBackInAutoMode_AndIsRefusedWhenForced()
    {
        RequireKubectl();

        // The upstream copy leaves out the full CRDs that cluster-install lists: kustomize refuses the build.
        var path = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install");
        var auto = AuditEngine.Audit([path], kustomize: KustomizeChoice.Default with { Mode = KustomizeMode.Auto });
        var forced = AuditEngine.Audit([path], kustomize: KustomizeChoice.Default with { Mode = KustomizeMode.Kubectl });

        Assert.Empty(auto.Refused);
        Assert.NotEmpty(auto.Findings);
        var note = Assert.Single(auto.Notes, n => n.Contains("built with the audit's built-in kustomize subset instead", StringComparison.Ordinal));
        Assert.Contains("exited with", note, StringComparison.Ordinal);
        Assert.Contains("argoproj.io_clusterworkflowtemplates.yaml", note, StringComparison.Ordinal);
        var refusal = Assert.Single(forced.Refused);
        Assert.Contains("kubectl kustomize exited with", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("--kustomize builtin", refusal.Fix, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NamePrefix_IsAppliedByKubectl_AndItsObjectsPointAtTheOutput_WhileTheBuiltInSubsetSaysItDoesNotApplyIt()
    {
        RequireKubectl();
        var folder = Directory.CreateDirectory(Path.Combine(root, "prefixed")).FullName;
        File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "resources: [server.yaml]\nnamePrefix: team-\nnamespace: argo\n");
        File.WriteAllText(Path.Combine(folder, "server.yaml"), AuditYaml.Server("[server, --secure=false]"));

        var real = AuditEngine.Audit([folder], kustomize: KustomizeChoice.Default with { Mode = KustomizeMode.Kubectl });
        var builtIn = AuditEngine.Audit([folder], kustomize: KustomizeChoice.BuiltIn);

        var renamed = Assert.Single(real.Findings, f => f.RuleId == "ARGO0004");
        Assert.Equal("Deployment argo/team-argo-server", renamed.Object.ToString());
        Assert.EndsWith("prefixed (kubectl kustomize)", renamed.Location.File, StringComparison.Ordinal);
        Assert.True(renamed.Location.Line > 0);
        Assert.Contains(real.Notes, n => n.Contains("1 of the 1 objects kubectl kustomize built have no counterpart", StringComparison.Ordinal));
        Assert.Equal("Deployment argo/argo-server", Assert.Single(builtIn.Findings, f => f.RuleId == "ARGO0004").Object.ToString());
        Assert.Contains(builtIn.Notes, n => n.Contains("'namePrefix' is not applied", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void RealKustomize_ThatRunsTooLong_IsStopped_AndItsFolderRefused()
    {
        Skip.If(OperatingSystem.IsWindows(), "the stand-in tool is a POSIX shell");
        var folder = Kustomization("slow");
        var started = DateTime.UtcNow;

        var report = Audit(folder, KustomizeTool.Of("slow kustomize", "/bin/sh", "-c", "sleep 30", "sh"), TimeSpan.FromSeconds(1));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the build was not stopped at its timeout");
        var refusal = Assert.Single(report.Refused);
        Assert.Equal("kustomize timeout", refusal.Limit);
        Assert.Contains("did not finish within 1 s", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("--kustomize-timeout", refusal.Fix, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RealKustomize_ThatWritesWithoutEnd_IsStoppedAtTheFileSizeLimit()
    {
        Skip.If(OperatingSystem.IsWindows(), "the stand-in tool is a POSIX shell");
        var folder = Kustomization("flood");

        var report = Audit(folder, KustomizeTool.Of("flooding kustomize", "/bin/sh", "-c", "yes 'a: b'", "sh"), TimeSpan.FromSeconds(60),
            ReadingLimits.Default with { MaxFileBytes = 1 << 20 });

        var refusal = Assert.Single(report.Refused);
        Assert.Equal("file size", refusal.Limit);
        Assert.Contains("the output of flooding kustomize", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(ReadingLimits.Options.FileSize, refusal.Fix, StringComparison.Ordinal);
    }

    private static void RequireKubectl()
    {
        var present = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, "kubectl")) || File.Exists(Path.Combine(d, "kubectl.exe")));
        if (!present && Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"kubectl is not on the PATH, and {RequireVariable}=1 asks for the real-kustomize tests.");
        }

        Skip.IfNot(present, "kubectl is not on the PATH: the real-kustomize path is not tested here (CI sets " + RequireVariable + ").");
    }

    private static List<string> Keys(AuditReport report) =>
        report.Findings.Select(f => $"{f.RuleId} {f.Object} {Relative(f.Location.File)}:{f.Location.Line} {f.Message}").ToList();

    private static string Relative(string file) => file.Replace('\\', '/') is var path && path.IndexOf("/manifests/", StringComparison.Ordinal) is var at and >= 0 ? path[at..] : path;

    private static AuditReport Audit(string folder, KustomizeTool tool, TimeSpan timeout, ReadingLimits? limits = null)
    {
        var loader = new ManifestLoader(new ReadingBudget(limits ?? ReadingLimits.Default))
        {
            Kustomizing = new KustomizeChoice(KustomizeMode.Kubectl, timeout),
            Tool = tool,
        };
        var units = loader.LoadUnits([folder]);
        return AuditEngine.Audit(units, [folder], loader.Notes, loader.Refused);
    }

    private string Kustomization(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "resources: []\n");
        return folder;
    }

    /// <summary>
    /// The upstream manifests in a temporary folder, with the minimal CRDs standing in for the full ones the upstream
    /// copy leaves out (same file names), so that kustomize builds every folder.
    /// </summary>
    private string CopyUpstreamManifests()
    {
        var source = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests");
        var target = Path.Combine(root, "manifests");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var full = Path.Combine(target, "base", "crds", "full");
        foreach (var crd in Directory.EnumerateFiles(Path.Combine(target, "base", "crds", "minimal"), "argoproj.io_*.yaml"))
        {
            var standIn = Path.Combine(full, Path.GetFileName(crd));
            if (!File.Exists(standIn))
            {
                File.Copy(crd, standIn);
            }
        }

        return target;
    }
}
