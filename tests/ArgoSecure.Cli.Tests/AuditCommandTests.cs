using System.Text.Json;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Cli.Tests;

/// <summary><c>argosecure audit</c>: exit codes, formats, acceptance and unreadable input.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private const string InsecureServer = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: argo-server
          namespace: argo
        spec:
          template:
            spec:
              serviceAccountName: argo-server
              containers:
              - name: argo-server
                image: quay.io/argoproj/argocli:v4.1.2
                args: [server, --secure=false]
                securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 512Mi}}
                livenessProbe: {httpGet: {path: /, port: 2746}}
                readinessProbe: {httpGet: {path: /, port: 2746}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: argo
        spec:
          podSelector: {}
        """;

    private readonly string root = Directory.CreateTempSubdirectory("argosecure-cli-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Kustomize_Builtin_BuildsWithTheSubset_AndSaysSoInTheNotes()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "overlay")).FullName;
        File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), "resources: [server.yaml]\nnamePrefix: team-\n");
        File.WriteAllText(Path.Combine(folder, "server.yaml"), InsecureServer);

        var (code, output, error) = CliRunner.Run("audit", folder, "--kustomize", "builtin");

        Assert.Equal(1, code);
        Assert.Contains("ARGO0004", output, StringComparison.Ordinal);
        Assert.Contains("built with the audit's built-in kustomize subset (--kustomize builtin)", error, StringComparison.Ordinal);
        Assert.Contains("'namePrefix' is not applied", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kustomize", "helm", "--kustomize 'helm' is not a choice. Fix: use auto, kustomize, kubectl or builtin.")]
    [InlineData("--kustomize", "Kubectl", "--kustomize 'Kubectl' is not a choice.")]
    [InlineData("--kustomize-timeout", "0", "--kustomize-timeout '0' is not valid. Fix: give a number of seconds, 1 or more.")]
    public void Kustomize_OptionsThatAreNotValid_ExitTwo_NamingTheValue(string option, string value, string message)
    {
        var file = Path.Combine(root, "server.yaml");
        File.WriteAllText(file, InsecureServer);

        var (code, output, error) = CliRunner.Run("audit", file, option, value);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_ReadsStandardInput_AsKubectlListOutput()
    {
        // The documents of InsecureServer as the items of one List, as 'kubectl get -o yaml' prints them.
        var items = string.Join("\n", InsecureServer.Split("---\n").Select(d => "- " + d.Trim().Replace("\n", "\n  ", StringComparison.Ordinal)));
        var list = "apiVersion: v1\nkind: List\nmetadata: {resourceVersion: \"\"}\nitems:\n" + items + "\n";

        var (code, output, error) = CliRunner.RunWithInput(list, "audit", "-", "--format", "json");

        Assert.Equal(1, code);
        Assert.DoesNotContain("audit:", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "ARGO0004");
        Assert.All(findings, f => Assert.Equal("stdin", f.GetProperty("file").GetString()));
    }

    [Fact]
    public void Dash_BeyondTheFileSizeLimit_IsRefusedByName()
    {
        var (code, _, error) = CliRunner.RunWithInput(InsecureServer, "audit", "-", "--max-file-size", "100");

        Assert.Equal(2, code);
        Assert.Contains("refused stdin:", error, StringComparison.Ordinal);
        Assert.Contains("--max-file-size", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void WarningFinding_FailsByDefault_AndTextShowsTheObjectRuleAndLine()
    {
        var file = Write("server.yaml", InsecureServer);

        var (exit, output, _) = Run("audit", file);

        Assert.Equal(1, exit);
        Assert.Contains("Deployment argo/argo-server", output, StringComparison.Ordinal);
        Assert.Contains("server.yaml:13: warning ARGO0004:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void FailOn_SetsTheThreshold(string threshold, int expected)
    {
        var file = Write("server.yaml", InsecureServer);

        Assert.Equal(expected, Run("audit", file, "--fail-on", threshold).Exit);
    }

    [Theory]
    [InlineData("v3.6.5")]
    [InlineData("latest")]
    public void ArgoVersion_OutsideTheSupportedLines_IsAnInputError(string version)
    {
        var file = Write("server.yaml", InsecureServer);

        var (exit, output, error) = Run("audit", file, "--argo-version", version);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"--argo-version '{version}' is not a release of a line ArgoSecure supports (3.7, 4.0 and 4.1)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HelmValuesHelp_NamesTheChartVersionsItKnows()
    {
        var (exit, output, _) = Run("audit", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("charts 0.45.21 to 0.47.5 for Argo 3.7 and 1.0.0 to 1.0.18 for Argo 4.0", output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedFinding_NeverFails_AndIsShownAsAccepted()
    {
        var file = Write("server.yaml", InsecureServer.Replace("  namespace: argo\nspec:\n  template", "  namespace: argo\n  annotations:\n    argosecure.io/accept-ARGO0004: \"TLS ends at the ingress\"\nspec:\n  template", StringComparison.Ordinal));

        var (exit, output, _) = Run("audit", file, "--fail-on", "info");

        Assert.Equal(0, exit);
        Assert.Contains("accepted ARGO0004", output, StringComparison.Ordinal);
        Assert.Contains("accepted: TLS ends at the ingress", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_ParsesBack_WithEveryField()
    {
        var file = Write("server.yaml", InsecureServer);

        var (exit, output, _) = Run("audit", file, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("ARGO0004", finding.GetProperty("ruleId").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal(13, finding.GetProperty("line").GetInt32());
        Assert.EndsWith("server.yaml", finding.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal("Deployment", finding.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal("argo", finding.GetProperty("object").GetProperty("namespace").GetString());
        Assert.Equal("argo-server", finding.GetProperty("object").GetProperty("name").GetString());
        Assert.False(finding.GetProperty("accepted").GetBoolean());
        Assert.EndsWith("docs/rules/ARGO0004.md", finding.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("warning").GetInt32());
    }

    [Fact]
    public void Sarif_HasTheShapeCodeScanningAccepts_AndSuppressesAcceptedFindings()
    {
        var accepted = InsecureServer.Replace("  namespace: argo\nspec:\n  template", "  namespace: argo\n  annotations:\n    argosecure.io/accept-ARGO0004: \"TLS ends at the ingress\"\nspec:\n  template", StringComparison.Ordinal)
            .Replace("[server, --secure=false]", "[server, --secure=false, --auth-mode=server]", StringComparison.Ordinal);
        var file = Write("server.yaml", accepted);
        var sarifFile = Path.Combine(root, "out.sarif");

        var (exit, output, _) = Run("audit", file, "--format", "sarif", "--output", sarifFile);

        Assert.Equal(1, exit); // ARGO0003 is not accepted
        Assert.Equal("", output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifFile));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains("sarif", sarif.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(ArgoSecure.Rules.RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.StartsWith("https://", r.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
        });

        var results = run.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("ruleId").GetString()!);
        Assert.Equal(["ARGO0003", "ARGO0004"], results.Keys.Order(StringComparer.Ordinal));
        var tls = results["ARGO0004"];
        Assert.Equal("warning", tls.GetProperty("level").GetString());
        var location = tls.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("server.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(15, location.GetProperty("region").GetProperty("startLine").GetInt32());
        var suppression = Assert.Single(tls.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("TLS ends at the ingress", suppression.GetProperty("justification").GetString());
        Assert.False(results["ARGO0003"].TryGetProperty("suppressions", out _));
        Assert.Equal("error", results["ARGO0003"].GetProperty("level").GetString());
    }

    [Fact]
    public void TwoInstalls_TextGroupsByInstall_JsonAndSarifCarryTheInstall()
    {
        var second = InsecureServer.Replace("namespace: argo", "namespace: argo-2", StringComparison.Ordinal).Replace("--secure=false", "--auth-mode=server", StringComparison.Ordinal);
        var file = Write("servers.yaml", InsecureServer + "\n---\n" + second);

        var text = Run("audit", file).Out;
        var json = Run("audit", file, "--format", "json").Out;
        var sarif = Run("audit", file, "--format", "sarif").Out;

        var first = text.IndexOf("Install Deployment argo/argo-server", StringComparison.Ordinal);
        var other = text.IndexOf("Install Deployment argo-2/argo-server", StringComparison.Ordinal);
        Assert.True(first >= 0 && other > first, text);
        Assert.Contains("ARGO0004", text[first..other], StringComparison.Ordinal);
        Assert.Contains("ARGO0003", text[other..], StringComparison.Ordinal);
        Assert.Contains("in 2 install(s)", text, StringComparison.Ordinal);

        using var report = JsonDocument.Parse(json);
        Assert.Equal(["Deployment argo/argo-server", "Deployment argo-2/argo-server"], report.RootElement.GetProperty("installs").EnumerateArray().Select(i => i.GetString()));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("ruleId").GetString()!);
        Assert.Equal("Deployment argo-2/argo-server", Assert.Single(findings["ARGO0003"].GetProperty("installs").EnumerateArray()).GetString());

        using var log = JsonDocument.Parse(sarif);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("ruleId").GetString()!);
        Assert.Equal("Deployment argo/argo-server", Assert.Single(results["ARGO0004"].GetProperty("properties").GetProperty("installs").EnumerateArray()).GetString());
    }

    [Fact]
    public void Sarif_UsesPathsRelativeToTheCurrentDirectory()
    {
        var file = Write("server.yaml", InsecureServer);
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(root);
        try
        {
            var (_, output, _) = Run("audit", "server.yaml", "--format", "sarif");
            using var sarif = JsonDocument.Parse(output);
            var uri = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
                .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
            Assert.Equal("server.yaml", uri);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void MissingInput_ExitsTwo_NamingThePath()
    {
        var missing = Path.Combine(root, "absent.yaml");

        var (exit, output, error) = Run("audit", missing);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_ExitsTwo_NamingTheFileLineAndFix()
    {
        var file = Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n");

        var (exit, _, error) = Run("audit", file);

        Assert.Equal(2, exit);
        Assert.Contains("broken.yaml", error, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "text, json or sarif")]
    [InlineData("--fail-on", "critical", "error, warning, info or none")]
    public void BadOptionValue_ExitsTwo_NamingTheValueAndTheFix(string option, string value, string fix)
    {
        var file = Write("server.yaml", InsecureServer);

        var (exit, _, error) = Run("audit", file, option, value);

        Assert.Equal(2, exit);
        Assert.Contains($"'{value}'", error, StringComparison.Ordinal);
        Assert.Contains(fix, error, StringComparison.Ordinal);
    }

    [Fact]
    public void HelmValues_AcceptanceThroughDeploymentAnnotations()
    {
        var values = Write("values.yaml", """
            server:
              deploymentAnnotations:
                argosecure.io/accept-ARGO0004: "TLS ends at the ingress"
            """);

        var (_, output, _) = Run("audit", "--helm-values", values, "--format", "json");

        using var json = JsonDocument.Parse(output);
        var tls = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "ARGO0004");
        Assert.True(tls.GetProperty("accepted").GetBoolean());
        Assert.Equal("TLS ends at the ingress", tls.GetProperty("justification").GetString());
    }

    [Fact]
    public void NoInput_ExitsTwo_WithUsage()
    {
        var (exit, _, error) = Run("audit");

        Assert.Equal(2, exit);
        Assert.Contains("--helm-values", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DescribesInputsFormatsAcceptanceAndExitCodes()
    {
        var (_, output, _) = Run("audit", "--help");

        foreach (var expected in new[] { "*.yaml, *.yml and *.json", "kustomization.yaml", "--helm-values", "--format", "sarif", "--output", "--fail-on", "argosecure.io/accept-ARGO00NN", "Exit codes" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HelmValues_OverridesAreReadAgainstChartDefaults()
    {
        var values = Write("values.yaml", """
            server:
              secure: true
              authModes: [client]
            controller:
              workflowDefaults:
                spec:
                  serviceAccountName: argo-workflow
                  automountServiceAccountToken: false
                  securityContext: {runAsNonRoot: true, runAsUser: 8737}
              workflowRestrictions:
                templateReferencing: Secure
            createAggregateRoles: false
            """);

        var (exit, output, _) = Run("audit", "--helm-values", values, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Distinct().Order(StringComparer.Ordinal);
        // What the values fixed is gone; the chart's own gaps (no NetworkPolicies, the server reading every Secret, no
        // admission policy holding workflow specs, pods without seccomp profiles or resources) remain.
        Assert.Equal(["ARGO0011", "ARGO0012", "ARGO0023", "ARGO0024"], ids);
    }

    [Theory]
    [InlineData("cluster.yaml")]
    [InlineData("namespaced.yaml")]
    public void RenderedSample_AuditsClean_ThroughTheCli(string sample)
    {
        var options = Path.Combine(Upstream.RepositoryRoot, "samples", "options", sample);
        var (renderExit, manifests, _) = Run("render", options);
        Assert.Equal(0, renderExit);
        var file = Write("rendered-" + sample, manifests);

        var (exit, output, _) = Run("audit", file, "--fail-on", "info");

        Assert.Equal(0, exit);
        Assert.Contains("0 error(s), 0 warning(s), 0 info, 0 accepted", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void UpstreamQuickStart_FailsWithAuthModeServer()
    {
        var quickStart = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "quick-start", "minimal");

        var (exit, output, _) = Run("audit", quickStart, "--format", "json", "--fail-on", "error");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "ARGO0003");
    }
}
