using Microsoft.CodeAnalysis.Testing;
using Verify = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0003")]
public sealed class ARGO0003QuickStartManifestTests
{
    private static Task Run(string body) =>
        new Verify.Test
        {
            TestCode = $$"""
                using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;

                class Infra
                {
                    const string QuickStart = "https://github.com/argoproj/argo-workflows/releases/download/v4.1.2/quick-start-minimal.yaml";
                    static T Get<T>() => default!;

                    void M()
                    {
                        {{body}}
                    }
                }
                """,
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task V2ConfigFile_Url_Reports() =>
        Run("""_ = new Pulumi.Kubernetes.Yaml.V2.ConfigFile("argo", new ConfigFileArgs { File = {|ARGO0003:"https://github.com/argoproj/argo-workflows/releases/download/v4.1.2/quick-start-postgres.yaml"|} });""");

    [Fact]
    public Task V2ConfigGroup_ConstAndPath_Report() =>
        Run("""_ = new ConfigGroupArgs { Files = { {|ARGO0003:QuickStart|}, {|ARGO0003:"vendor/argo/manifests/quick-start/base/kustomization.yaml"|}, "crds.yaml" } };""");

    [Fact]
    public Task LegacyYaml_Reports() =>
        Run("""
            _ = new Pulumi.Kubernetes.Yaml.ConfigFile("a", new Pulumi.Kubernetes.Yaml.ConfigFileArgs { File = {|ARGO0003:"quick-start-minimal.yaml"|} });
                    _ = new Pulumi.Kubernetes.Yaml.ConfigGroup("b", new Pulumi.Kubernetes.Yaml.ConfigGroupArgs { Files = new[] { {|ARGO0003:"manifests/quick-start-mysql.yml"|} } });
            """);

    [Fact]
    public Task OtherManifests_AndUnknownFiles_NoDiagnostic() =>
        Run("""
            _ = new ConfigFileArgs { File = "https://github.com/argoproj/argo-workflows/releases/download/v4.1.2/install.yaml" };
                    _ = new ConfigFileArgs { File = Get<string>() };
                    _ = new ConfigGroupArgs { Files = { "namespace-install.yaml", Get<string>() } };
            """);

    [Fact]
    public Task PulumiNotReferenced_NoDiagnostic() =>
        new Verify.Test
        {
            TestCode = """
                class ConfigFileArgs { public string File { get; set; } = ""; }
                class C { void M() { _ = new ConfigFileArgs { File = "quick-start-minimal.yaml" }; } }
                """,
        }.WithoutArgoSecure().RunAsync();
}
