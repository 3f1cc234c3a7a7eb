using ArgoSecure.Audit;
using ArgoSecure.Input;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>
/// The audit on inputs an attacker writes: a refused input is left out whole, the others are still audited; folders with
/// links read each real file once; and the fuzzers' findings, each kept as a regression.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder folder = new("argosecure-hostile-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void RefusedFile_IsLeftOutWhole_AndTheOthersAreAudited()
    {
        var bomb = folder.Write("a-bomb.yaml", AuditYaml.HardenedConfig + "\n---\n" + HostileYaml.AliasBomb());
        var good = folder.Write("b-good.yaml", HostileYaml.Namespace("team-a"));

        var report = AuditEngine.Audit([bomb, good]);

        var refusal = Assert.Single(report.Refused);
        Assert.Equal("alias expansion", refusal.Limit);
        Assert.Contains("a-bomb.yaml", refusal.Input, StringComparison.Ordinal);
        // The ConfigMap before the bomb in the same file is not audited either: nothing of a refused file is reported.
        Assert.Equal(1, report.ObjectCount);
        Assert.DoesNotContain(report.Findings, f => f.Location.File.Contains("a-bomb", StringComparison.Ordinal));
    }

    [Fact]
    public void AliasBomb_InHelmValues_IsRefused()
    {
        var values = folder.Write("values.yaml", HostileYaml.ValuesBomb());

        var report = AuditEngine.Audit([], values);

        Assert.Equal("alias expansion", Assert.Single(report.Refused).Limit);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void AliasBomb_InYamlHeldInAString_RefusesItsFile_AndTheRestIsStillAudited()
    {
        var bomb = string.Join("\n", HostileYaml.AliasBomb().Split('\n').Skip(4).Select(l => "        " + l));
        var config = folder.Write("config.yaml", $"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {"{"}name: workflow-controller-configmap, namespace: argo{"}"}
            data:
              workflowDefaults: |
                spec:
                  x:
            {bomb}
            """);
        var server = folder.Write("server.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: argo-server, namespace: argo}
            spec:
              template:
                spec:
                  containers:
                  - name: argo-server
                    image: quay.io/argoproj/argocli:v4.1.2
                    args: [server, --secure=false]
            """);

        var report = AuditEngine.Audit([config, server]);

        var refusal = Assert.Single(report.Refused);
        Assert.Equal("alias expansion", refusal.Limit);
        Assert.Contains("config.yaml", refusal.Input, StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.RuleId == "ARGO0004" && f.Location.File.EndsWith("server.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Location.File.EndsWith("config.yaml", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void LinkToParent_IsACycle_NotFollowed_AndEachFileIsReadOnce()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        folder.Write("tree/ns.yaml", HostileYaml.Namespace("a"));
        folder.Write("tree/sub/ns.yaml", HostileYaml.Namespace("b"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "tree/sub/up"), "..");
        var loader = new ManifestLoader();

        var objects = loader.LoadUnits([Path.Combine(folder.Root, "tree")]).Single();

        Assert.Equal(["a", "b"], objects.Select(o => o.Name).Order(StringComparer.Ordinal));
        var cycle = Assert.Single(loader.Refused);
        Assert.Equal("link cycle", cycle.Limit);
        Assert.EndsWith("sub/up", cycle.Input, StringComparison.Ordinal);
        Assert.Equal(2, loader.Budget.FilesRead);
    }

    [SkippableFact]
    public void LinksToAFileOrFolderAlreadyRead_AreNoted_AndReadOnce()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        folder.Write("tree/real/ns.yaml", HostileYaml.Namespace("a"));
        Directory.CreateDirectory(Path.Combine(folder.Root, "tree/z"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "tree/same.yaml"), Path.Combine(folder.Root, "tree/real/ns.yaml"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "tree/z/alias"), "../real");
        var loader = new ManifestLoader();

        var objects = loader.LoadUnits([Path.Combine(folder.Root, "tree"), Path.Combine(folder.Root, "tree/real/ns.yaml")]).Single();

        Assert.Equal(["a"], objects.Select(o => o.Name));
        Assert.Equal(1, loader.Budget.FilesRead);
        Assert.Empty(loader.Refused);
        Assert.Contains(loader.Notes, n => n.Contains("the same folder as", StringComparison.Ordinal));
        Assert.Equal(2, loader.Notes.Count(n => n.Contains("the same file as", StringComparison.Ordinal)));
    }

    [Fact]
    public void KustomizationThatIncludesItsOwnParent_IsRefused_NotAStackOverflow()
    {
        folder.Write("app/kustomization.yaml", "resources: [deploy.yaml, ../]\n");
        folder.Write("app/deploy.yaml", HostileYaml.Namespace("a"));
        var other = folder.Write("other.yaml", HostileYaml.Namespace("b"));

        var report = AuditEngine.Audit([Path.Combine(folder.Root, "app"), other]);

        var refusal = Assert.Single(report.Refused);
        Assert.Equal("link cycle", refusal.Limit);
        Assert.Contains("kustomize refuses", refusal.Fix, StringComparison.Ordinal);
        Assert.Equal(1, report.ObjectCount);
    }

    [Fact]
    public void TooManyObjects_RefusesTheFileThatGoesBeyond()
    {
        var first = folder.Write("a.yaml", string.Join("---\n", Enumerable.Range(0, 3).Select(i => HostileYaml.Namespace($"a{i}"))));
        var second = folder.Write("b.yaml", string.Join("---\n", Enumerable.Range(0, 3).Select(i => HostileYaml.Namespace($"b{i}"))));

        var report = AuditEngine.Audit([first, second], limits: ReadingLimits.Default with { MaxObjects = 4 });

        Assert.Equal("objects", Assert.Single(report.Refused).Limit);
        Assert.Equal(3, report.ObjectCount);
    }

    [Fact]
    public void WideMapping_IsReadInLinearTime()
    {
        var objects = new ManifestLoader().LoadText(HostileYaml.Wide(200_000), "wide.yaml");

        Assert.Equal(200_000, ((YMap)objects[0].Root["data"]!).Entries.Count);
    }

    /// <summary>Inputs the fuzzers found (fuzz/, docs/security-testing.md): YamlDotNet failed on them with exceptions other than YamlException.</summary>
    [Theory]
    [InlineData("a: {\nb")]
    [InlineData(": {\n0")]
    [InlineData(" : 0")]
    public void FuzzerFindings_AreBadYaml_WithTheFileAndLine(string text)
    {
        var path = folder.Write("fuzzed.yaml", text);

        var manifests = AuditEngine.Audit([path]);
        var values = AuditEngine.Audit([], path);

        foreach (var refusal in new[] { Assert.Single(manifests.Refused), Assert.Single(values.Refused) })
        {
            Assert.Null(refusal.Limit);
            Assert.EndsWith("fuzzed.yaml", refusal.Input, StringComparison.Ordinal);
            Assert.Matches("^line [0-9]+: not valid YAML", refusal.Reason);
        }
    }
}
