using ArgoSecure.Releases;
using ArgoSecure.Tests.TestSupport;
using k8s;
using k8s.Models;

namespace ArgoSecure.Tests.Releases;

/// <summary>The release catalogue: how a version picks a line, what each line knows, and its facts against upstream's manifests.</summary>
public class ReleaseCatalogueTests
{
    [Fact]
    public void Catalogue_HasOneEntryPerSupportedLine_OldestFirst()
    {
        Assert.Equal(ReleaseTag.SupportedLines, ArgoReleases.All.Select(r => r.Line));
        Assert.Equal("3.7, 4.0 and 4.1", ReleaseTag.SupportedLinesText);
        Assert.Same(ArgoReleases.All[^1], ArgoReleases.Newest);
        Assert.Equal(ArgoImages.DefaultVersion, ArgoReleases.Newest.ReferenceTag);
        Assert.All(ArgoReleases.All, r => Assert.Equal(r.Line, ArgoReleases.TagOf(r.ReferenceTag)!.Line));
    }

    [Theory]
    [InlineData("v3.7.0", "3.7")]
    [InlineData("3.7.18", "3.7")]
    [InlineData("v4.0.3", "4.0")]
    [InlineData("v4.1.2", "4.1")]
    [InlineData("v4.1.99", "4.1")]
    [InlineData("latest", "4.1")]
    [InlineData("v4.1", "4.1")]
    [InlineData("v4.1.2-rc1", "4.1")]
    [InlineData("v3.6.5", null)]
    [InlineData("v4.2.0", null)]
    [InlineData("v2.12.0", null)]
    public void Version_SelectsItsLine_TheNewestWhenUnpinned_NoneWhenUnsupported(string version, string? line)
    {
        Assert.Equal(line, ArgoReleases.For(version)?.Line);
        Assert.Equal(line is null, ReleaseTag.IsUnsupportedRelease(version));
    }

    [Theory]
    [InlineData("v3.7.18", false)]
    [InlineData("v4.0.10", false)]
    [InlineData("v4.1.0", true)]
    public void WorkflowLevelExecutorPluginsFlag_IsOnlyIn41(string version, bool expected) =>
        Assert.Equal(expected, ReleaseFeatures.WorkflowLevelExecutorPluginsFlag.IsIn(ArgoReleases.TagOf(version)!));

    [Theory]
    [InlineData("v3.7.16", false)]
    [InlineData("v3.7.17", true)]
    [InlineData("v4.0.7", false)]
    [InlineData("v4.0.8", true)]
    [InlineData("v4.1.0", true)]
    public void UserOverrideAllowlistEnv_CameInPatchesOfEachLine(string version, bool expected)
    {
        var tag = ArgoReleases.TagOf(version)!;
        Assert.Equal(expected, ArgoReleases.ForLine(tag.Line)!.Has(ReleaseFeatures.UserOverrideAllowlistEnv, tag));
    }

    [Theory]
    [InlineData("workflowDefaults.spec.serviceAccountName", true, true, true)]
    [InlineData("persistence.postgresql.sslMode", true, true, true)]
    [InlineData("failedPodRestart", false, true, true)]
    [InlineData("failedPodRestart.maxRestarts", false, true, true)]
    [InlineData("artifactDrivers", false, true, true)]
    [InlineData("sso.rootCA", false, true, true)]
    [InlineData("synchronization.enableAPI", false, true, true)]
    [InlineData("persistence.reconnectionConfig.maxRetries", false, false, true)]
    [InlineData("persistence.connectionTimeoutSeconds", false, false, true)]
    [InlineData("initlessPod", false, false, true)]
    [InlineData("workflowDefaults.spec.executorPlugins", false, false, true)]
    [InlineData("containerRuntimeExecutor", false, false, false)]
    public void ConfigKeys_AreKnownFromTheirRelease(string path, bool in37, bool in40, bool in41) =>
        Assert.Equal([in37, in40, in41], ArgoReleases.All.Select(r => r.KnowsConfigKey(path)));

    [Fact]
    public void PostgresSslDefault_ChangedIn41() =>
        Assert.Equal(["prefer", "prefer", "disable"], ArgoReleases.All.Select(r => r.PostgresSslDefault));

    /// <summary>The catalogue's server fact against each release's own upstream server roles (both scopes).</summary>
    [Fact]
    public void ServerWritesConfigMaps_IsWhatUpstreamsServerRolesGrant()
    {
        foreach (var release in ArgoReleases.All)
        {
            foreach (var file in new[] { "install.no-crds.yaml", "namespace-install.no-crds.yaml" })
            {
                var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(Upstream.InRepository("argo-workflows", release.ReferenceTag, "flattened", file)));
                var rules = objects.OfType<V1ClusterRole>().Where(r => r.Metadata.Name == "argo-server-cluster-role").SelectMany(r => r.Rules)
                    .Concat(objects.OfType<V1Role>().Where(r => r.Metadata.Name == "argo-server-role").SelectMany(r => r.Rules))
                    .Where(r => r.Resources.Contains("configmaps"))
                    .ToList();
                Assert.NotEmpty(rules);
                var verbs = rules.SelectMany(r => r.Verbs).ToHashSet(StringComparer.Ordinal);
                Assert.Contains("get", verbs);
                Assert.True(release.ServerWritesConfigMaps == (verbs.Contains("create") && verbs.Contains("update")), $"{release.ReferenceTag} {file}: {string.Join(",", verbs)}");
            }
        }
    }

    [Fact]
    public void HelmChartRange_Of37_HoldsTheChartInTheTestData()
    {
        var chart = File.ReadAllLines(Upstream.InRepository("argo-helm", "argo-workflows-0.47.5", "Chart.yaml"));
        var appVersion = chart.Single(l => l.StartsWith("appVersion:", StringComparison.Ordinal))["appVersion:".Length..].Trim();
        var version = chart.Single(l => l.StartsWith("version:", StringComparison.Ordinal))["version:".Length..].Trim();

        var release = ArgoReleases.For(appVersion)!;
        Assert.Equal("3.7", release.Line);
        Assert.EndsWith(version, release.HelmCharts, StringComparison.Ordinal);
        Assert.Null(ArgoReleases.Newest.HelmCharts);
    }

    [Fact]
    public void Ci_RendersAndAuditsEveryLine()
    {
        var ci = File.ReadAllLines(Path.Combine(Upstream.RepositoryRoot, ".ci", "run"));

        var loop = Assert.Single(ci, l => l.StartsWith("for version in ", StringComparison.Ordinal));
        Assert.Equal($"for version in {string.Join(" ", ArgoReleases.All.Select(r => r.ReferenceTag))}; do", loop);
    }

    [Fact]
    public void ReadmeTable_StatesEveryLine_AsTheCatalogueDoes()
    {
        var readme = File.ReadAllLines(Path.Combine(Upstream.RepositoryRoot, "README.md"));

        foreach (var release in ArgoReleases.All)
        {
            var row = Assert.Single(readme, l => l.StartsWith($"| {release.Line} ", StringComparison.Ordinal));
            Assert.EndsWith($"| {release.ReferenceTag} | {string.Join(", ", release.TestedKubernetes)} | {release.HelmCharts ?? "none yet"} |", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RbacNeeds_NameRealItems_WithoutWildcards()
    {
        Assert.All(RbacNeeds.Controller.Concat(RbacNeeds.Server), n =>
        {
            Assert.Matches("^[CS][0-9]+$", n.Item);
            Assert.DoesNotContain('*', n.Resource + n.Verb + n.Group);
        });
    }
}
