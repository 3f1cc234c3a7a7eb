using ArgoSecure.Releases;
using ArgoSecure.Tests.TestSupport;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace ArgoSecure.Tests.Planning;

/// <summary>
/// The controller's roles are a subset of the upstream v4.1.2 controller roles of the same scope: ArgoSecure only
/// removes permissions. Each test prints what was removed.
/// </summary>
public class LeastPrivilegeTests(ITestOutputHelper output)
{
    private const string ControllerSubject = "ServiceAccount argo/workflow-controller";

    [SkippableFact]
    public void ClusterInstall_ControllerGrants_AreASubsetOfUpstream()
    {
        var folder = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install-no-crds", "workflow-controller-rbac");
        var upstream = UpstreamGrants(folder);
        Assert.Contains(upstream, g => g.Namespace == "*" && g.Resource == "pods/exec");

        var ours = RbacGrants.Resolve(Manifests.RenderSample("cluster.yaml")).Where(g => g.Subject == ControllerSubject).ToList();
        Assert.NotEmpty(ours);
        AssertSubset(ours, upstream, installNamespace: "argo");
        Report(ours, upstream);
    }

    [SkippableFact]
    public void NamespaceInstall_ControllerGrants_AreASubsetOfUpstream()
    {
        var folder = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "namespace-install", "workflow-controller-rbac");
        var upstream = UpstreamGrants(folder);
        Assert.DoesNotContain(upstream, g => g.Namespace == "*");

        var ours = RbacGrants.Resolve(Manifests.RenderSample("namespaced.yaml")).Where(g => g.Subject == ControllerSubject).ToList();
        Assert.NotEmpty(ours);
        Assert.DoesNotContain(ours, g => g.Namespace == "*");

        // Upstream's namespace install manages its own namespace, so its one Role is what the controller may do in
        // any namespace it works in: ours must fit in it in the managed namespace and in the controller's.
        var flattened = upstream.Select(g => g with { Namespace = "*" }).ToList();
        AssertSubset(ours, flattened, installNamespace: "argo");
        Report(ours, flattened);
    }

    [SkippableFact]
    public void EveryVariant_ControllerGrants_AreASubsetOfUpstream()
    {
        var cluster = UpstreamGrants(Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install-no-crds", "workflow-controller-rbac"));
        var namespaced = UpstreamGrants(Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "namespace-install", "workflow-controller-rbac"))
            .Select(g => g with { Namespace = "*" }).ToList();
        foreach (var (name, args) in ArgsVariants.All())
        {
            var controllerNamespace = args.Controller.Namespace;
            var ours = RbacGrants.Resolve(Manifests.Render(args))
                .Where(g => g.Subject == $"ServiceAccount {controllerNamespace}/workflow-controller")
                .Select(g => g with { Subject = ControllerSubject, Namespace = g.Namespace == controllerNamespace ? "argo" : g.Namespace })
                .ToList();
            Assert.True(ours.Count > 0, name);
            AssertSubset(ours, args.Controller.Scope.IsNamespaced ? namespaced : cluster, installNamespace: "argo");
        }
    }

    /// <summary>
    /// The grants reference/argo-rbac-needs.md §5.7 lists as missing from upstream, which a feature switch adds where
    /// it is on (FeatureGrantTests checks which switch): entry, group, resource, verb, and whether in the
    /// controller's own namespace (else a workflow namespace).
    /// </summary>
    private static readonly (string Entry, string Group, string Resource, string Verb, bool OwnNamespace)[] MissingUpstream =
        RbacNeeds.MissingUpstream.Select(n => (n.Item, n.Group, n.Resource, n.Verb, n.Where == NeedScope.InstallNamespace)).ToArray();

    private static void AssertSubset(List<Grant> ours, List<Grant> upstream, string installNamespace)
    {
        var extra = ours.Where(g => !upstream.Any(u => Covers(u, g, installNamespace)))
            .Where(g => !MissingUpstream.Any(m => m.Group == g.Group && m.Resource == g.Resource && m.Verb == g.Verb && m.OwnNamespace == (g.Namespace == installNamespace)))
            .ToList();
        Assert.True(extra.Count == 0, "Granted beyond upstream:\n" + string.Join("\n", extra));
    }

    [SkippableFact]
    public void WithoutFeatureSwitches_NothingBeyondUpstream()
    {
        var upstream = UpstreamGrants(Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install-no-crds", "workflow-controller-rbac"));
        var ours = RbacGrants.Resolve(Manifests.Render(new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "team-a" }] }))
            .Where(g => g.Subject == ControllerSubject).ToList();

        Assert.DoesNotContain(ours, g => !upstream.Any(u => Covers(u, g, "argo")));
    }

    /// <summary>An upstream grant covers ours when group, resource and verb match, its scope includes ours and its names include ours.</summary>
    private static bool Covers(Grant upstream, Grant ours, string installNamespace) =>
        upstream.Group == ours.Group && upstream.Resource == ours.Resource && upstream.Verb == ours.Verb &&
        (upstream.Namespace == "*" || (ours.Namespace != "*" && upstream.Namespace == installNamespace && ours.Namespace == installNamespace)) &&
        (upstream.ResourceName is null || upstream.ResourceName == ours.ResourceName);

    private void Report(List<Grant> ours, List<Grant> upstream)
    {
        var removed = upstream
            .Where(u => !ours.Any(o => o.Group == u.Group && o.Resource == u.Resource && o.Verb == u.Verb))
            .Select(u => $"{(u.Group.Length == 0 ? "core" : u.Group)} {u.Resource}: {u.Verb}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        output.WriteLine($"Upstream grants the controller never gets from ArgoSecure ({removed.Count}):");
        foreach (var line in removed)
        {
            output.WriteLine("  - " + line);
        }

        var narrowed = upstream.Where(u => u.ResourceName is null && ours.Any(o => o.Group == u.Group && o.Resource == u.Resource && o.Verb == u.Verb && o.ResourceName is not null))
            .Select(u => $"{(u.Group.Length == 0 ? "core" : u.Group)} {u.Resource}: {u.Verb} (limited to named objects)")
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var line in narrowed)
        {
            output.WriteLine("  - " + line);
        }

        Assert.NotEmpty(removed);
    }

    /// <summary>The upstream controller's grants: every role bound to the service account 'argo' in the folder.</summary>
    private static List<Grant> UpstreamGrants(string folder)
    {
        var objects = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f)))
            .ToList();
        var roles = objects.OfType<V1Role>().ToDictionary(r => r.Metadata.Name, r => r.Rules);
        var clusterRoles = objects.OfType<V1ClusterRole>().ToDictionary(r => r.Metadata.Name, r => r.Rules);
        var grants = new List<Grant>();
        foreach (var binding in objects.OfType<V1RoleBinding>().Where(b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == "argo")))
        {
            var rules = binding.RoleRef.Kind == "Role" ? roles[binding.RoleRef.Name] : clusterRoles[binding.RoleRef.Name];
            grants.AddRange(rules.SelectMany(r => RbacGrants.Expand(ControllerSubject, "argo", r)));
        }

        foreach (var binding in objects.OfType<V1ClusterRoleBinding>().Where(b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == "argo")))
        {
            grants.AddRange(clusterRoles[binding.RoleRef.Name].SelectMany(r => RbacGrants.Expand(ControllerSubject, "*", r)));
        }

        Assert.NotEmpty(grants);
        return grants;
    }
}
