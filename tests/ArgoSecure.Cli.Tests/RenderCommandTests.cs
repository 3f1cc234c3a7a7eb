using k8s;

namespace ArgoSecure.Cli.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "argosecure-cli-" + Guid.NewGuid().ToString("N"));

    public RenderCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("cluster.yaml")]
    [InlineData("namespaced.yaml")]
    public void Render_Sample_WritesManifestsToStdout(string sample)
    {
        var (code, output, error) = CliRunner.Run("render", CliRunner.Sample(sample));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var objects = KubernetesYaml.LoadAllFromString(output);
        Assert.Contains(objects, o => o is k8s.Models.V1Deployment { Metadata.Name: "workflow-controller" });
        Assert.StartsWith("---\napiVersion: v1\nkind: Namespace", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v3.7.18", "cluster.yaml")]
    [InlineData("v3.7.18", "namespaced.yaml")]
    [InlineData("v4.0.10", "cluster.yaml")]
    [InlineData("v4.0.10", "namespaced.yaml")]
    [InlineData("v4.1.2", "cluster.yaml")]
    [InlineData("v4.1.2", "namespaced.yaml")]
    public void Render_ArgoVersion_InstallsThatRelease_AndItsAuditIsClean(string version, string sample)
    {
        var (code, output, error) = CliRunner.Run("render", CliRunner.Sample(sample), "--argo-version", version);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains($"image: quay.io/argoproj/workflow-controller:{version}", output, StringComparison.Ordinal);

        var rendered = Write($"{version}-{sample}", output);
        var (auditCode, auditOutput, auditError) = CliRunner.Run("audit", rendered);
        Assert.True(auditCode == 0, auditOutput + auditError);
        Assert.Contains("0 error(s), 0 warning(s), 0 info", auditOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v3.6.5")]
    [InlineData("v4.2.0")]
    public void Render_UnsupportedArgoVersion_NamesTheSupportedLines_AndRendersNothing(string version)
    {
        var (code, output, error) = CliRunner.Run("render", CliRunner.Sample("cluster.yaml"), "--argo-version", version);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains($"Controller.Images.Version = '{version}'", error, StringComparison.Ordinal);
        Assert.Contains("it supports 3.7, 4.0 and 4.1", error, StringComparison.Ordinal);
        Assert.Contains("nothing was rendered", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InsecureOptions_ListsEveryFinding_AndExitsOne()
    {
        var path = Write("insecure.yaml", """
            server:
              authModes: [Server]
              tls: { enabled: false }
            workflowNamespaces:
              - name: argo
            """);
        var (code, output, error) = CliRunner.Run("render", path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("error ARGO0002: WorkflowNamespaces[0].Name 'argo' is the controller's namespace", error, StringComparison.Ordinal);
        Assert.Contains("error ARGO0003:", error, StringComparison.Ordinal);
        Assert.Contains("warning ARGO0004:", error, StringComparison.Ordinal);
        Assert.Contains("https://github.com/argosecure/argosecure/blob/main/docs/rules/ARGO0003.md", error, StringComparison.Ordinal);
        Assert.Contains("nothing was rendered", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AcceptedRisk_RendersAndReportsTheJustification()
    {
        var path = Write("accepted.yaml", """
            server:
              tls: { enabled: false }
            acceptedRisks:
              - ruleId: ARGO0004
                justification: TLS ends at the ingress controller
            """);
        var (code, output, error) = CliRunner.Run("render", path);
        Assert.Equal(0, code);
        Assert.Contains("--secure=false", output, StringComparison.Ordinal);
        Assert.Contains("warning ARGO0004:", error, StringComparison.Ordinal);
        Assert.Contains("(accepted: TLS ends at the ingress controller)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BadOptionsFile_ExitsTwo_NamingLineAndKey()
    {
        var path = Write("bad.yaml", "controller:\n  namespce: argo\n");
        var (code, output, error) = CliRunner.Run("render", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("line 2, column 3: 'controller.namespce': unknown key 'namespce'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingFile_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("render", Path.Combine(_temp, "nope.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ToDirectory_WritesOneFilePerObject_AndRefusesToMixWithOtherFiles()
    {
        var outputDirectory = Path.Combine(_temp, "out");
        var (code, stdout, _) = CliRunner.Run("render", CliRunner.Sample("namespaced.yaml"), "--output-dir", outputDirectory);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        var files = Directory.GetFiles(outputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith("001-namespace-", files[0], StringComparison.Ordinal);
        var (_, whole, _) = CliRunner.Run("render", CliRunner.Sample("namespaced.yaml"));
        Assert.Equal(whole, string.Concat(files.Select(f => "---\n" + File.ReadAllText(Path.Combine(outputDirectory, f!)))));

        var (again, _, error) = CliRunner.Run("render", CliRunner.Sample("namespaced.yaml"), "-o", outputDirectory);
        Assert.Equal(2, again);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("render", CliRunner.Sample("namespaced.yaml"), "-o", outputDirectory, "--force").ExitCode);
        Assert.Equal(files.Count, Directory.GetFiles(outputDirectory).Length);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("render", "--help")]
    [InlineData("rules", "--help")]
    public void Help_IsAvailableOnEveryCommand(params string[] args)
    {
        var (code, output, _) = CliRunner.Run(args);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_ListsTheCatalogue()
    {
        var (code, output, _) = CliRunner.Run("rules");
        Assert.Equal(0, code);
        foreach (var rule in ArgoSecure.Rules.RuleCatalog.All)
        {
            Assert.Contains(rule.Id, output, StringComparison.Ordinal);
            Assert.Contains(rule.HelpUri, output, StringComparison.Ordinal);
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }
}
