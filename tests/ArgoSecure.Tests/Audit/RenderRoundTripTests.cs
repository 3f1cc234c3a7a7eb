using ArgoSecure.Audit;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>Whatever ArgoSecure renders audits clean, and the audit really sees the rendered install.</summary>
public class RenderRoundTripTests
{
    public static TheoryData<string> Samples => new() { "cluster.yaml", "namespaced.yaml" };

    private static (IReadOnlyList<KubeObject> Objects, AuditReport Report) RenderAndAudit(string sample)
    {
        var args = OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", sample));
        var yaml = ManifestRenderer.Render(Planner.Plan(args));
        var loader = new ManifestLoader();
        var objects = loader.LoadText(yaml, sample);
        return (objects, AuditEngine.Audit(objects, [sample], loader.Notes));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RenderedSample_AuditsClean(string sample)
    {
        var (objects, report) = RenderAndAudit(sample);

        Assert.Empty(report.Findings);
        // Not vacuous: the audit found the controller, the server and the ConfigMaps they read, and the defaults.
        var install = ArgoInstallation.From(objects);
        Assert.NotNull(install.Controller);
        Assert.NotNull(install.Server);
        Assert.NotNull(install.ControllerConfig);
        Assert.Equal("workflow-controller-configmap", install.Controller!.Flags.Value("configmap"));
        Assert.NotNull(install.ControllerConfig!["workflowDefaults"]?.At("spec", "serviceAccountName"));
        Assert.Contains(objects, o => o.Kind == "NetworkPolicy");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void RenderedSample_WithoutItsNetworkPolicies_IsReported(string sample)
    {
        var (objects, _) = RenderAndAudit(sample);

        var report = AuditEngine.Audit(objects.Where(o => o.Kind != "NetworkPolicy").ToList(), [sample]);

        Assert.Equal(["ARGO0011"], report.RuleIds);
    }

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void EveryRenderedVariant_HardensTheControllerAndServerPods(string variant)
    {
        var loader = new ManifestLoader();
        var objects = loader.LoadText(VariantData.Get(variant).Yaml, variant);

        var report = AuditEngine.Audit(objects, [variant]);

        Assert.DoesNotContain(report.Findings, f => f.RuleId == ArgoSecure.Rules.RuleCatalog.ArgoPodNotHardened);
        // Not vacuous: the audit found the controller (and the server where the variant has one) and checked their containers.
        var install = ArgoInstallation.From(objects);
        Assert.NotNull(install.Controller);
        Assert.Equal(VariantData.Get(variant).Deployments.Count(), install.Controllers.Count + install.Servers.Count);
    }

    [Fact]
    public void RenderedNamespacedSample_ManagesAnotherNamespace()
    {
        var (objects, _) = RenderAndAudit("namespaced.yaml");

        var install = ArgoInstallation.From(objects);
        Assert.True(install.IsNamespaced);
        Assert.Equal("argo-workflows", install.Controller!.Flags.Value("managed-namespace"));
    }
}
