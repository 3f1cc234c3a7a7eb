using System.Diagnostics;
using System.Text.Json;
using ArgoSecure.Analyzers.Tests.Meta;

namespace ArgoSecure.Analyzers.Tests.EndToEnd;

/// <summary>
/// The CI path a package user gets: a project that references ArgoSecure and the analyzers
/// (<c>OutputItemType="Analyzer" ReferenceOutputAssembly="false"</c>) fails <c>dotnet build</c> on an insecure
/// choice, writes the ARGO diagnostic to a SARIF log, and builds clean once fixed. Runs offline
/// (restore is served by the local NuGet cache or mirror).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ConsumerBuildTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "argosecure-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    private const string Insecure = """
        using ArgoSecure;

        namespace Consumer;

        public static class Install
        {
            public static ArgoServerArgs Server() => new() { AuthModes = { AuthMode.Server } };
        }
        """;

    private const string Fixed = """
        using ArgoSecure;

        namespace Consumer;

        public static class Install
        {
            public static ArgoServerArgs Server() => new() { AuthModes = { AuthMode.Client } };
        }
        """;

    public ConsumerBuildTests()
    {
        Directory.CreateDirectory(_dir);
        var src = Path.Combine(RepositoryPaths.Root, "src");
        File.WriteAllText(Path.Combine(_dir, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(src, "ArgoSecure", "ArgoSecure.csproj")}" />
                <ProjectReference Include="{Path.Combine(src, "ArgoSecure.Analyzers", "ArgoSecure.Analyzers.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Path.Combine(src, "ArgoSecure.CodeFixes", "ArgoSecure.CodeFixes.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(RepositoryPaths.Root, "nuget.config"), Path.Combine(_dir, "nuget.config"));
    }

    [Fact]
    public void InsecureChoice_FailsTheBuild_WithSarif_AndTheFixedCodeBuildsClean()
    {
        var program = Path.Combine(_dir, "Install.cs");
        var sarif = Path.Combine(_dir, "build.sarif");

        File.WriteAllText(program, Insecure);
        var (exit, output) = Build(sarif);
        Assert.NotEqual(0, exit);
        Assert.Contains("error ARGO0003", output, StringComparison.Ordinal);
        Assert.True(File.Exists(sarif), "no SARIF log written");
        using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var argo = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "ARGO0003");
            Assert.Equal("error", argo.GetProperty("level").GetString());
            Assert.Contains("ArgoServerArgs.AuthModes", argo.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        File.WriteAllText(program, Fixed);
        File.Delete(sarif);
        (exit, output) = Build(sarif);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("ARGO0", output, StringComparison.Ordinal);
    }

    private const string Accepted = """
        using ArgoSecure;

        namespace Consumer;

        public static class Install
        {
            public static ArgoServerArgs Server() => new()
            {
                AuthModes = { AuthMode.Server },
                Tls = { Enabled = false },
                AcceptedRisks =
                {
                    new AcceptedRisk { RuleId = "ARGO0004", Justification = "TLS ends at the ingress" },
                    new AcceptedRisk { RuleId = "ARGO0003", Justification = "a kiosk behind the VPN" },
                },
            };
        }
        """;

    [Fact]
    public void RiskAcceptedInArgs_BuildsClean_WithTheSuppressionInSarif_AndRemovingItBringsTheDiagnosticBack()
    {
        var program = Path.Combine(_dir, "Install.cs");
        var sarif = Path.Combine(_dir, "build.sarif");

        File.WriteAllText(program, Accepted);
        var (exit, output) = Build(sarif);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("ARGO000", output, StringComparison.Ordinal);
        using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            foreach (var (rule, justification) in new[] { ("ARGO0004", "TLS ends at the ingress"), ("ARGO0003", "a kiosk behind the VPN") })
            {
                var argo = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == rule);
                var suppression = Assert.Single(argo.GetProperty("suppressions").EnumerateArray());
                Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
                Assert.Contains(justification, argo.GetRawText(), StringComparison.Ordinal);
            }
        }

        File.WriteAllText(program, Accepted.Replace("\"ARGO0004\"", "\"ARGO0003\"", StringComparison.Ordinal));
        File.Delete(sarif);
        (exit, output) = Build(sarif);
        Assert.NotEqual(0, exit);
        Assert.Contains("error ARGO0004", output, StringComparison.Ordinal);
    }

    private (int Exit, string Output) Build(string sarif)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "build", Path.Combine(_dir, "Consumer.csproj"), "-c", "Release", "-nodeReuse:false", "-nologo",
                     "-p:ErrorLog=" + sarif + "%2Cversion=2.1",
                 })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build took more than 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
