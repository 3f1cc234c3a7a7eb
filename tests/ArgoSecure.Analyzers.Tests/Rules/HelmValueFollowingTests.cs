using Verify = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

/// <summary>
/// Helm values assembled before they are passed: locals, constants, readonly fields, dictionaries filled by initializers,
/// <c>Add</c> or indexers, nested dictionaries and lists, <c>InputMap</c>/<c>InputList</c>, Release and Chart v3/v4 args.
/// Values from outside (parameters, method results, configuration) are never guessed.
/// </summary>
[Trait("Rule", "ARGO0001")]
[Trait("Rule", "ARGO0003")]
[Trait("Rule", "ARGO0004")]
public sealed class HelmValueFollowingTests
{
    private static string Program(string body, string members = "") => $$"""
        using System.Collections.Generic;
        using Pulumi;
        using Pulumi.Kubernetes.Helm.V3;
        using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

        class Infra
        {
            static T Get<T>() => default!;
            static void Configure(Dictionary<string, object> values) { }

            {{members}}

            void M(Dictionary<string, object> fromOutside)
            {
                {{body}}
            }
        }
        """;

    private static Task Run(string source) => new Verify.Test { TestCode = source }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task LocalFilledByIndexerBeforeUse_Reports() =>
        Run(Program("""
            var server = new Dictionary<string, object>();
            {|ARGO0004:server["secure"] = false|};
            var values = new Dictionary<string, object>();
            values["server"] = server;
            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = values });
            """));

    [Fact]
    public Task LocalFilledByAdd_WithNestedLocalList_Reports() =>
        Run(Program("""
            var extraArgs = new List<object> { "--loglevel=info" };
            extraArgs.Add({|ARGO0003:"--auth-mode=server"|});
            var values = new Dictionary<string, object>();
            values.Add("server", new Dictionary<string, object> { ["secure"] = true, ["extraArgs"] = extraArgs });
            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = values });
            """));

    [Fact]
    public Task WriteAfterUse_IsNotPartOfTheValues() =>
        Run(Program("""
            var server = new Dictionary<string, object> { ["secure"] = true };
            var values = new Dictionary<string, object> { ["server"] = server };
            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = values });
            server["secure"] = false;
            """));

    [Fact]
    public Task SecureValueInALocal_DoesNotReport() =>
        Run(Program("""
            var values = new Dictionary<string, object>();
            values["server"] = new Dictionary<string, object> { ["secure"] = true, ["authModes"] = new[] { "client" } };
            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = values });
            """));

    [Fact]
    public Task ConstantsAndReadonlyFields_AreFollowed() =>
        Run(Program(
            """
            var values = new Dictionary<string, object> { [ServerKey] = new Dictionary<string, object> { {|ARGO0004:[SecureKey] = Off|} } };
            _ = new Release("argo", new ReleaseArgs { Chart = ChartName, Namespace = Namespace, Values = values });
            """,
            """
            private const string ServerKey = "server";
            private const bool Off = false;
            private static readonly string SecureKey = "secure";
            private static readonly string ChartName = "argo/argo-workflows";
            private readonly string Namespace = "argo";
            """));

    [Fact]
    public Task InputMapAndInputList_AreFollowed() =>
        Run(Program("""
            var modes = new InputList<object>();
            modes.Add({|ARGO0003:"server"|});
            var values = new InputMap<object>();
            values.Add("server", new Dictionary<string, object> { ["secure"] = true, ["authModes"] = modes });
            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = values });
            """));

    [Fact]
    public Task ReleaseArgsInALocal_WithValuesAssignedLater_Reports() =>
        Run(Program("""
            var args = new ReleaseArgs { Chart = "argo-workflows" };
            args.Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { {|ARGO0004:["secure"] = false|} } };
            _ = new Release("argo", args);
            """));

    [Fact]
    public Task ArgsInALocal_AssignedTwice_TheLaterWriteCounts() =>
        Run(Program("""
            var args = new ReleaseArgs { Chart = "ingress-nginx" };
            args.Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = true } };
            args.Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { {|ARGO0004:["secure"] = false|} } };
            args.Chart = "argo-workflows";
            _ = new Release("argo", args);
            """));

    [Fact]
    public Task ArgsInALocal_MovedOffTheChart_IsNotRead() =>
        Run(Program("""
            var args = new ReleaseArgs { Chart = "argo-workflows" };
            args.Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = false } };
            args.Chart = "argo/argo-workflows";
            args.Chart = "ingress-nginx";
            _ = new Release("argo", args);
            """));

    [Fact]
    public Task ValuesChangedInPlaceOnTheArgs_NothingIsAbsentForSure() =>
        Run(Program("""
            var args = new ReleaseArgs { Chart = "argo-workflows", Values = new Dictionary<string, object>() };
            args.Values["server"] = fromOutside;
            _ = new Release("argo", args);
            """));

    [Theory]
    [InlineData("var values = fromOutside;")]
    [InlineData("var values = Get<Dictionary<string, object>>(); values[\"server\"] = new Dictionary<string, object> { [\"secure\"] = false };")]
    [InlineData("var values = new Dictionary<string, object>(); Configure(values);")]
    [InlineData("var values = new Dictionary<string, object>(); values = Get<Dictionary<string, object>>();")]
    public Task ValuesFromOutside_AreNeverGuessed(string make) =>
        Run(Program(make + """

            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = values });
            """));

    [Fact]
    public Task ChartV3_WithRepoAndValues_Reports() =>
        Run(Program("""
            _ = new Pulumi.Kubernetes.Helm.V3.Chart("argo", new Pulumi.Kubernetes.Helm.ChartArgs
            {
                Repo = "argo",
                Chart = "argo-workflows",
                Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { {|ARGO0004:["secure"] = false|} } },
            });
            """));

    [Fact]
    public Task ChartV3_LocalChart_MissingSecure_ReportsOnThePath() =>
        Run(Program("""
            _ = new Pulumi.Kubernetes.Helm.V3.Chart("argo", new Pulumi.Kubernetes.Helm.LocalChartArgs { {|ARGO0004:Path = "./charts/argo-workflows"|} });
            """));

    [Fact]
    public Task ChartV3_OtherChart_DoesNotReport() =>
        Run(Program("""
            _ = new Pulumi.Kubernetes.Helm.V3.Chart("nginx", new Pulumi.Kubernetes.Helm.ChartArgs
            {
                Chart = "ingress-nginx",
                Values = new Dictionary<string, object> { ["server"] = new Dictionary<string, object> { ["secure"] = false } },
            });
            """));

    [Fact]
    public Task ChartV4_ValuesInALocal_Reports() =>
        Run(Program("""
            var server = new Dictionary<string, object> { ["secure"] = true };
            {|ARGO0003:server.Add("authMode", "server")|};
            _ = new Pulumi.Kubernetes.Helm.V4.Chart("argo", new Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs
            {
                Chart = "oci://ghcr.io/argoproj/argo-helm/argo-workflows",
                Values = new Dictionary<string, object> { ["server"] = server },
            });
            """));

    private const string SecureServer = """["server"] = new Dictionary<string, object> { ["secure"] = true },""";

    [Fact]
    public Task SingleNamespace_ManagesTheReleaseNamespace_ReportsArgo0001() =>
        Run(Program($$"""
            var values = new Dictionary<string, object> { {{SecureServer}} };
            {|ARGO0001:values["singleNamespace"] = true|};
            _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Namespace = "argo", Values = values });
            """));

    [Fact]
    public Task SingleNamespace_ManagedNamespaceIsItsOwn_ReportsArgo0001() =>
        Run(Program($$"""
            _ = new Pulumi.Kubernetes.Helm.V4.Chart("argo", new Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs
            {
                Chart = "argo-workflows",
                Namespace = "argo",
                Values = new Dictionary<string, object>
                {
                    {{SecureServer}}
                    {|ARGO0001:["singleNamespace"] = true|},
                    ["controller"] = new Dictionary<string, object> { ["extraArgs"] = new[] { "--managed-namespace", "argo" } },
                },
            });
            """));

    [Theory]
    [InlineData("""["singleNamespace"] = false,""")]
    [InlineData("""["singleNamespace"] = true, ["controller"] = new Dictionary<string, object> { ["extraArgs"] = new[] { "--managed-namespace=team-a" } },""")]
    [InlineData("""["singleNamespace"] = true, ["namespaceOverride"] = "platform", ["controller"] = new Dictionary<string, object> { ["extraArgs"] = new[] { "--managed-namespace=argo" } },""")]
    [InlineData("""["singleNamespace"] = true, ["controller"] = new Dictionary<string, object> { ["extraArgs"] = fromOutside },""")]
    [InlineData("""["singleNamespace"] = true, ["controller"] = fromOutside,""")]
    [InlineData("""["singleNamespace"] = fromOutside,""")]
    public Task SingleNamespace_ManagingAnotherOrUnknownNamespace_DoesNotReport(string entries) =>
        Run(Program($$"""
            _ = new Release("argo", new ReleaseArgs
            {
                Chart = "argo-workflows",
                Namespace = "argo",
                Values = new Dictionary<string, object> { {{SecureServer}} {{entries}} },
            });
            """));
}
