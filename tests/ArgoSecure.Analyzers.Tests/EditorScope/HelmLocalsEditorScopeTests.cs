namespace ArgoSecure.Analyzers.Tests.EditorScope;

/// <summary>
/// Helm values written in a statement before the Release is created are reported where they are written, and the
/// editor shows them as the build does (an operation action's diagnostics outside its operation would be dropped live).
/// </summary>
[Trait("Rule", "ARGO0004")]
public sealed class HelmLocalsEditorScopeTests
{
    [Fact]
    public async Task ValueWrittenBeforeTheCreation_IsShownLive_WhereItIsWritten()
    {
        const string source = """
            using System.Collections.Generic;
            using Pulumi.Kubernetes.Helm.V3;
            using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

            class E
            {
                void Run()
                {
                    var server = new Dictionary<string, object>();
                    server["secure"] = false;
                    _ = new Release("argo", new ReleaseArgs { Chart = "argo-workflows", Values = new Dictionary<string, object> { ["server"] = server } });
                }
            }
            """;
        var compilation = EditorAnalysis.Compile([("E.cs", source)]);
        var live = await EditorAnalysis.LiveAsync(compilation, EditorAnalysis.UserDocuments(compilation));
        var build = await EditorAnalysis.BuildAsync(compilation);
        EditorAnalysis.AssertAgree(live, build);
        var shown = Assert.Single(live, d => d.Id == "ARGO0004");
        Assert.Equal("ARGO0004 E.cs: server[\"secure\"] = false", EditorAnalysis.Describe(shown));
    }
}
