using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Releases;
using ArgoSecure.Rendering;
using k8s;
using k8s.Models;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>
/// Rendered manifests read back from their YAML, so tests check what a user applies, not the planner's objects.
/// </summary>
public sealed class Manifests
{
    private Manifests(string yaml, IReadOnlyList<object> objects)
    {
        Yaml = yaml;
        Objects = objects;
    }

    public string Yaml { get; }

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public IEnumerable<V1Deployment> Deployments => OfType<V1Deployment>();

    public IEnumerable<V1NetworkPolicy> NetworkPolicies => OfType<V1NetworkPolicy>();

    public IEnumerable<V1Role> Roles => OfType<V1Role>();

    public IEnumerable<V1ClusterRole> ClusterRoles => OfType<V1ClusterRole>();

    public IEnumerable<V1RoleBinding> RoleBindings => OfType<V1RoleBinding>();

    public IEnumerable<V1ClusterRoleBinding> ClusterRoleBindings => OfType<V1ClusterRoleBinding>();

    public static Manifests Render(ArgoWorkflowsArgs args) => Parse(ManifestRenderer.Render(Planner.Plan(args)));

    public static Manifests Render(InstallPlan plan) => Parse(ManifestRenderer.Render(plan));

    public static Manifests RenderSample(string fileName) =>
        Render(OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", fileName)));

    /// <summary>A sample options file with the Argo release <paramref name="version"/> (what render --argo-version does).</summary>
    public static Manifests RenderSample(string fileName, string version)
    {
        var args = OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", fileName));
        args.Controller.Images.Version = version;
        return Render(args);
    }

    public static Manifests Parse(string yaml) => new(yaml, KubernetesYaml.LoadAllFromString(yaml));

    /// <summary>The two samples and a spread of other Args: every property test runs on all of them.</summary>
    public static IEnumerable<(string Name, Manifests Manifests)> Variants()
    {
        yield return ("sample cluster.yaml", RenderSample("cluster.yaml"));
        yield return ("sample namespaced.yaml", RenderSample("namespaced.yaml"));

        // Every supported release line: the samples planned for the lines the default version is not in.
        foreach (var release in ArgoReleases.All.Where(r => r.ReferenceTag != ArgoImages.DefaultVersion))
        {
            yield return ($"sample cluster.yaml on Argo {release.ReferenceTag}", RenderSample("cluster.yaml", release.ReferenceTag));
            yield return ($"sample namespaced.yaml on Argo {release.ReferenceTag}", RenderSample("namespaced.yaml", release.ReferenceTag));
        }
        foreach (var (name, args) in ArgsVariants.All())
        {
            yield return (name, Render(args));
        }
    }
}
