using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Verify = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

/// <summary>Helm v3 Release / Helm v4 Chart of argo-workflows with insecure values (raw Pulumi.Kubernetes code).</summary>
[Trait("Rule", "ARGO0003")]
[Trait("Rule", "ARGO0004")]
[Trait("Rule", "ARGO0005")]
[Trait("Rule", "ARGO0006")]
[Trait("Rule", "ARGO0007")]
[Trait("Rule", "ARGO0013")]
public sealed class ARGO0003HelmArgoWorkflowsValuesTests
{
    private const string Secure = """["secure"] = true""";

    private static string Release(string values, string chart = "\"argo-workflows\"") => $$"""
        using System.Collections.Generic;
        using Pulumi;
        using Pulumi.Kubernetes.Helm.V3;
        using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

        class Infra
        {
            static T Get<T>() => default!;

            void M()
            {
                _ = new Release("argo", new ReleaseArgs
                {
                    {|#9:Chart = {{chart}}|},
                    Namespace = "argo",
                    Values = new Dictionary<string, object>
                    {
                        {{values}}
                    },
                });
            }
        }
        """;

    private static Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.WithPulumiStubs().RunAsync();
    }

    private static Task Fix<TFix>(string source, string fixedSource, string key)
        where TFix : CodeFixProvider, new() =>
        new Verifiers.CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TFix>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
            NumberOfFixAllIterations = 1,
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task AuthModesServer_ReportsAndFixes() =>
        Fix<UseClientAuthModeCodeFixProvider>(
            Release("""["server"] = new Dictionary<string, object> { ["authModes"] = new[] { {|ARGO0003:"server"|} }, ["secure"] = true },"""),
            Release("""["server"] = new Dictionary<string, object> { ["authModes"] = new[] { "client" }, ["secure"] = true },"""),
            UseClientAuthModeCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task ExtraArgsAuthModeServer_Reports() =>
        Run(Release("""["server"] = new Dictionary<string, object> { ["extraArgs"] = new List<object> { {|ARGO0003:"--auth-mode=server"|}, "--auth-mode", {|ARGO0003:"--auth-mode"|}, "server" }, ["secure"] = true },"""
            .Replace("\"--auth-mode\", {|ARGO0003:\"--auth-mode\"|}, \"server\"", "{|ARGO0003:\"--auth-mode\"|}, \"server\"", StringComparison.Ordinal)));

    [Fact]
    public Task SecureFalse_ReportsAndFixes_WithAddSyntax() =>
        Fix<KeepServerTlsCodeFixProvider>(
            Release("""["server"] = new Dictionary<string, object> { {|ARGO0004:{ "secure", false }|} },"""),
            Release("""["server"] = new Dictionary<string, object> { { "secure", true } },"""),
            KeepServerTlsCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task SecureNotSet_ChartDefaultIsPlainHttp_Reports() =>
        Run(Release("""["controller"] = new Dictionary<string, object> { ["workflowNamespaces"] = new[] { "team-a" } },"""),
            Verify.Diagnostic("ARGO0004").WithLocation(9).WithArguments("server.secure"));

    [Fact]
    public Task ServerDisabled_NoServerDiagnostic() =>
        Run(Release("""["server"] = new Dictionary<string, object> { ["enabled"] = false, ["authModes"] = new[] { "server" } },"""));

    [Fact]
    public Task SsoWithoutRbac_AndSkipVerify_ReportAndFix() =>
        Fix<EnableSsoRbacCodeFixProvider>(
            Release("""
                ["server"] = new Dictionary<string, object>
                            {
                                [ "secure" ] = true,
                                ["sso"] = new Dictionary<string, object>
                                {
                                    ["enabled"] = true,
                                    ["insecureSkipVerify"] = true,
                                    ["rbac"] = new Dictionary<string, object> { {|ARGO0005:["enabled"] = false|} },
                                },
                            },
                """).Replace("""["insecureSkipVerify"] = true""", """{|ARGO0006:["insecureSkipVerify"] = true|}""", StringComparison.Ordinal),
            Release("""
                ["server"] = new Dictionary<string, object>
                            {
                                [ "secure" ] = true,
                                ["sso"] = new Dictionary<string, object>
                                {
                                    ["enabled"] = true,
                                    ["insecureSkipVerify"] = true,
                                    ["rbac"] = new Dictionary<string, object> { ["enabled"] = true },
                                },
                            },
                """).Replace("""["insecureSkipVerify"] = true""", """{|ARGO0006:["insecureSkipVerify"] = true|}""", StringComparison.Ordinal),
            EnableSsoRbacCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task WorkflowDefaultsRoot_AndPlainMetrics_Report() =>
        Run(Release("""
            ["server"] = new Dictionary<string, object> { ["secure"] = true },
                        ["controller"] = new Dictionary<string, object>
                        {
                            ["workflowDefaults"] = new Dictionary<string, object>
                            {
                                ["spec"] = new Dictionary<string, object>
                                {
                                    ["securityContext"] = new Dictionary<string, object> { {|ARGO0007:["runAsNonRoot"] = false|}, {|ARGO0007:["runAsUser"] = 0|} },
                                    {|ARGO0008:["automountServiceAccountToken"] = true|},
                                    {|ARGO0009:["serviceAccountName"] = "default"|},
                                },
                            },
                            ["metricsConfig"] = new Dictionary<string, object> { {|ARGO0013:["secure"] = false|} },
                        },
                        ["images"] = new Dictionary<string, object> { {|ARGO0018:["tag"] = "latest"|} },
            """));

    [Fact]
    public Task ImagesTag_OfAnUnsupportedLine_ReportsARGO0026_NotARGO0018() =>
        Run(Release("""
            ["server"] = new Dictionary<string, object> { ["secure"] = true },
                        ["images"] = new Dictionary<string, object> { {|ARGO0026:["tag"] = "v3.6.5"|} },
            """));

    [Fact]
    public Task ImagesTag_OfASupportedLine_ReportsNothing() =>
        Run(Release("""
            ["server"] = new Dictionary<string, object> { ["secure"] = true },
                        ["images"] = new Dictionary<string, object> { ["tag"] = "v3.7.18" },
            """));

    [Fact]
    public Task MetricsEnabledWithoutSecure_Reports() =>
        Run(Release("""
            ["server"] = new Dictionary<string, object> { ["secure"] = true },
                        ["controller"] = new Dictionary<string, object> { ["metricsConfig"] = new Dictionary<string, object> { {|ARGO0013:["enabled"] = true|} } },
            """));

    [Fact]
    public Task ChartV4_InputMapInitializer_OciRef_Reports() =>
        Run("""
            using System.Collections.Generic;
            using Pulumi;
            using Pulumi.Kubernetes.Helm.V4;
            using Pulumi.Kubernetes.Types.Inputs.Helm.V4;

            class Infra
            {
                const bool Insecure = false;

                void M()
                {
                    _ = new Chart("argo", new ChartArgs
                    {
                        Chart = "oci://ghcr.io/argoproj/argo-helm/argo-workflows",
                        Values =
                        {
                            ["server"] = new Dictionary<string, object> { {|ARGO0004:["secure"] = Insecure|}, ["authModes"] = new List<string> { {|ARGO0003:"server"|} } },
                        },
                    });
                }
            }
            """);

    [Fact]
    public Task UnknownValues_NoDiagnostic() =>
        Run("""
            using System.Collections.Generic;
            using Pulumi;
            using Pulumi.Kubernetes.Helm.V3;
            using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

            class Infra
            {
                static T Get<T>() => default!;

                void M()
                {
                    _ = new Release("a", new ReleaseArgs { Chart = "argo/argo-workflows", Values = Get<Dictionary<string, object>>() });
                    _ = new Release("b", new ReleaseArgs { Chart = "argo-workflows", Values = new Dictionary<string, object> { ["server"] = Get<Dictionary<string, object>>() } });
                    _ = new Release("c", new ReleaseArgs { Chart = Get<string>(), Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = false } } });
                    _ = new Release("d", new ReleaseArgs { Chart = "argo-workflows", Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = Get<bool>(), ["authModes"] = new[] { Get<string>() } } } });
                }
            }
            """);

    [Fact]
    public Task CompliantValues_AndOtherCharts_NoDiagnostic() =>
        Run("""
            using System.Collections.Generic;
            using Pulumi;
            using Pulumi.Kubernetes.Helm.V3;
            using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

            class Infra
            {
                void M()
                {
                    _ = new Release("argo", new ReleaseArgs
                    {
                        Chart = "argo-workflows",
                        Values = new Dictionary<string, object>
                        {
                            ["server"] = new Dictionary<string, object> { ["secure"] = true, ["authModes"] = new[] { "client", "sso" }, ["extraArgs"] = new[] { "--auth-mode=client" } },
                            ["controller"] = new Dictionary<string, object> { ["metricsConfig"] = new Dictionary<string, object> { ["enabled"] = true, ["secure"] = true } },
                        },
                    });
                    _ = new Release("cd", new ReleaseArgs { Chart = "argo-cd", Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = false } } });
                }
            }
            """);

    [Fact]
    public Task PulumiNotReferenced_NoDiagnostic() =>
        new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                class ReleaseArgs { public string Chart { get; set; } = ""; public Dictionary<string, object> Values { get; set; } = new(); }
                class C { void M() { _ = new ReleaseArgs { Chart = "argo-workflows", Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = false } } }; } }
                """,
        }.WithoutArgoSecure().RunAsync();
}
