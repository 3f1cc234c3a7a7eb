using System.Text.Json;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Cli.Tests;

/// <summary>
/// The four hostile inputs through the command line: each exits 2 with a message naming the file, the limit and
/// the option, and the other inputs are still reported (time and memory: benchmarks/hostile/run.sh).
/// </summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private readonly TempFolder folder = new("argosecure-hostile-cli-");

    public void Dispose() => folder.Dispose();

    private string Honest() => folder.Write("honest.yaml", """
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

    [Fact]
    public void AliasBomb_ExitsTwo_NamingTheFileAndTheLimit_AndTheOtherFileIsReported()
    {
        var bomb = folder.Write("bomb.yaml", HostileYaml.AliasBomb());

        var (exit, output, error) = CliRunner.Run("audit", bomb, Honest());

        Assert.Equal(2, exit);
        Assert.Contains("audit: refused ", error, StringComparison.Ordinal);
        Assert.Contains("bomb.yaml:", error, StringComparison.Ordinal);
        Assert.Contains("alias", error, StringComparison.Ordinal);
        Assert.Contains("ARGO0004", output, StringComparison.Ordinal);
        Assert.DoesNotContain("bomb.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasBomb_AsHelmValues_ExitsTwo()
    {
        var bomb = folder.Write("values.yaml", HostileYaml.ValuesBomb());

        var (exit, output, error) = CliRunner.Run("audit", "--helm-values", bomb);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("values.yaml:", error, StringComparison.Ordinal);
        Assert.Contains("nothing was audited", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepDocument_ExitsTwo_NamingTheLimitAndTheOption_WhichRaisesIt()
    {
        var deep = folder.Write("deep.yaml", HostileYaml.Deep(150));

        var (exit, _, error) = CliRunner.Run("audit", deep);

        Assert.Equal(2, exit);
        Assert.Contains("deep.yaml:5", error, StringComparison.Ordinal);
        Assert.Contains("nesting-depth limit", error, StringComparison.Ordinal);
        Assert.Contains("--max-depth", error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("audit", deep, "--max-depth", "200").ExitCode);
    }

    [Fact]
    public void HugeDocument_ExitsTwo_BeforeReadingIt_AndTheOptionRaisesTheLimit()
    {
        var huge = Path.Combine(folder.Root, "huge.yaml");
        HostileYaml.WriteHuge(huge, (16L << 20) + 1);

        var (exit, _, error) = CliRunner.Run("audit", huge, Honest(), "--format", "json");

        Assert.Equal(2, exit);
        Assert.Contains("huge.yaml: it is 16 MiB, above the 16 MiB file-size limit", error, StringComparison.Ordinal);
        Assert.Contains("--max-file-size", error, StringComparison.Ordinal);
        Assert.NotEqual(2, CliRunner.Run("audit", huge, Honest(), "--max-file-size", "17MiB").ExitCode);
    }

    [SkippableFact]
    public void LinkCycle_ExitsTwo_NamingTheLink_AndTheFolderIsReported()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        File.Copy(Honest(), Path.Combine(Directory.CreateDirectory(Path.Combine(folder.Root, "tree", "sub")).FullName, "server.yaml"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "tree", "sub", "up"), "..");

        var (exit, output, error) = CliRunner.Run("audit", Path.Combine(folder.Root, "tree"), "--format", "json");

        Assert.Equal(2, exit);
        Assert.Contains("sub/up: a link cycle", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("objects").GetInt32());
        Assert.Equal("link cycle", Assert.Single(json.RootElement.GetProperty("refused").EnumerateArray()).GetProperty("limit").GetString());
    }

    [Theory]
    [InlineData("--max-file-size", "lots")]
    [InlineData("--max-depth", "5000")]
    [InlineData("--max-objects", "0")]
    public void BadLimitValue_ExitsTwo_NamingTheOption(string option, string value)
    {
        var (exit, _, error) = CliRunner.Run("audit", Honest(), option, value);

        Assert.Equal(2, exit);
        Assert.Contains($"{option} '{value}' is not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RefusesAnAliasBombOptionsFile_WithExitTwo()
    {
        var options = folder.Write("options.yaml", "workflowNamespaces: " + HostileYaml.FlowBomb() + "\n");

        var (exit, output, error) = CliRunner.Run("render", options);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("refused (alias expansion)", error, StringComparison.Ordinal);
    }
}
