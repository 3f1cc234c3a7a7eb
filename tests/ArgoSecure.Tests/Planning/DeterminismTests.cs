using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Planning;

public class DeterminismTests
{
    [Theory]
    [InlineData("cluster.yaml")]
    [InlineData("namespaced.yaml")]
    public void SameOptions_RenderByteIdenticalYaml(string sample)
    {
        var path = Path.Combine(Upstream.RepositoryRoot, "samples", "options", sample);
        var first = ManifestRenderer.Render(Planner.Plan(OptionsFile.Load(path)));
        var second = ManifestRenderer.Render(Planner.Plan(OptionsFile.Load(path)));
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVariant_RendersTheSameTwice_AndFilesMatchTheStream()
    {
        foreach (var ((name, args), (_, again)) in ArgsVariants.All().Zip(ArgsVariants.All()))
        {
            var plan = Planner.Plan(args);
            var yaml = ManifestRenderer.Render(plan);
            Assert.True(yaml == ManifestRenderer.Render(Planner.Plan(again)), name);
            var files = ManifestRenderer.RenderFiles(plan);
            Assert.Equal(plan.Objects.Count, files.Count);
            Assert.Equal(yaml, string.Concat(files.Select(f => "---\n" + f.Yaml)));
            Assert.Equal(files.Select(f => f.FileName).Order(StringComparer.Ordinal), files.Select(f => f.FileName));
        }
    }
}
