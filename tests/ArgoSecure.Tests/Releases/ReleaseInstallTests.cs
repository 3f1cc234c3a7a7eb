using ArgoSecure.Audit;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Releases;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;
using k8s;
using k8s.Models;

namespace ArgoSecure.Tests.Releases;

/// <summary>
/// Both samples planned for every supported release: that release's images and ConfigMap keys, least privilege against
/// that release's upstream roles (a subset, and every call the release needs), and a clean audit with its defaults.
/// The property tests (Pod Security, RBAC, NetworkPolicies) run on these renders through <see cref="Manifests.Variants"/>.
/// </summary>
public class ReleaseInstallTests
{
    private const string InstallNamespace = "argo";

    public static TheoryData<string, string> ReleasesAndSamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var release in ArgoReleases.All)
        {
            data.Add(release.ReferenceTag, "cluster.yaml");
            data.Add(release.ReferenceTag, "namespaced.yaml");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReleasesAndSamples))]
    public void Render_RunsTheReleaseImages_AndWritesOnlyKeysItKnows(string version, string sample)
    {
        var manifests = Manifests.RenderSample(sample, version);
        var release = ArgoReleases.For(version)!;

        var images = manifests.Deployments.SelectMany(d => d.Spec.Template.Spec.Containers).Select(c => c.Image).ToList();
        Assert.Contains($"quay.io/argoproj/workflow-controller:{version}", images);
        Assert.Contains($"quay.io/argoproj/argocli:{version}", images);
        var configMaps = manifests.OfType<V1ConfigMap>().ToList();
        Assert.Contains($"image: quay.io/argoproj/argoexec:{version}{ArgoRelease.NonRootExecutorSuffix}", configMaps.Single(c => c.Metadata.Name == Labels.ControllerConfigMapName).Data["executor"], StringComparison.Ordinal);
        var paths = configMaps.SelectMany(c => ReleaseConfigKeys.Paths(c.Data)).ToList();
        Assert.Contains("workflowDefaults.spec.serviceAccountName", paths);
        Assert.All(paths, path => Assert.True(release.KnowsConfigKey(path), $"Argo {version} does not know {path}"));
        Assert.DoesNotContain(manifests.Deployments.SelectMany(d => d.Spec.Template.Spec.Containers).SelectMany(c => c.Args ?? []),
            a => a.Contains(ReleaseFeatures.WorkflowLevelExecutorPluginsFlag.Name, StringComparison.Ordinal) && !release.Has(ReleaseFeatures.WorkflowLevelExecutorPluginsFlag));
    }

    [Theory]
    [MemberData(nameof(ReleasesAndSamples))]
    public void ControllerAndServerGrants_AreASubsetOfThatReleasesUpstreamRoles(string version, string sample)
    {
        var manifests = Manifests.RenderSample(sample, version);
        var namespaced = sample == "namespaced.yaml";
        var ours = RbacGrants.Resolve(manifests);

        foreach (var (account, upstreamAccount) in new[] { ("workflow-controller", "argo"), ("argo-server", "argo-server") })
        {
            var subject = $"ServiceAccount {InstallNamespace}/{account}";
            var mine = ours.Where(g => g.Subject == subject).ToList();
            Assert.NotEmpty(mine);
            var upstream = UpstreamGrants(version, namespaced, upstreamAccount, subject);
            // Less the calls of features upstream's roles lack in every line (granted only where a switch is on).
            var extra = mine.Where(g => !upstream.Any(u => Covers(u, g)))
                .Where(g => !RbacNeeds.MissingUpstream.Any(m => m.Group == g.Group && m.Resource == g.Resource && m.Verb == g.Verb &&
                    (m.Where == NeedScope.InstallNamespace) == (g.Namespace == InstallNamespace)))
                .ToList();
            Assert.True(extra.Count == 0, $"{account} on Argo {version} is granted beyond upstream:\n" + string.Join("\n", extra));
        }
    }

    [Theory]
    [MemberData(nameof(ReleasesAndSamples))]
    public void EveryCallTheReleaseNeeds_IsGranted(string version, string sample)
    {
        var manifests = Manifests.RenderSample(sample, version);
        var ours = RbacGrants.Resolve(manifests);
        var workflowNamespaces = manifests.OfType<V1Namespace>().Select(n => n.Metadata.Name).Where(n => n != InstallNamespace).ToList();
        Assert.NotEmpty(workflowNamespaces);

        foreach (var (account, needs) in new[] { ("workflow-controller", RbacNeeds.Controller), ("argo-server", RbacNeeds.Server) })
        {
            var subject = $"ServiceAccount {InstallNamespace}/{account}";
            foreach (var need in needs)
            {
                var places = need.Where == NeedScope.InstallNamespace ? [InstallNamespace] : workflowNamespaces;
                foreach (var ns in places)
                {
                    Assert.True(
                        ours.Any(g => g.Subject == subject && g.Group == need.Group && g.Resource == need.Resource && g.Verb == need.Verb &&
                            (g.Namespace == "*" || g.Namespace == ns) && (g.ResourceName is null || g.ResourceName == need.ResourceName)),
                        $"{account} on Argo {version} cannot {need.Verb} {need.Resource} in {ns} ({need.Item})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ReleasesAndSamples))]
    public void RenderedInstall_AuditsClean_WithThatReleasesDefaults(string version, string sample)
    {
        var args = OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", sample));
        args.Controller.Images.Version = version;
        var loader = new ManifestLoader();
        var objects = loader.LoadText(ManifestRenderer.Render(Planner.Plan(args)), sample);

        var report = AuditEngine.Audit(objects, [sample], loader.Notes);

        Assert.Empty(report.Findings);
        Assert.Empty(report.Notes);
        var (release, tag) = ReleaseChecks.Of(ArgoInstallation.From(objects), null);
        Assert.Equal(ArgoReleases.For(version), release);
        Assert.Equal(version, tag?.ToString());
    }

    /// <summary>Upstream's own install of each line is audited alike: the same rules, and the 3.7 server role lacks the sync API's ConfigMap writes.</summary>
    [Fact]
    public void UpstreamInstalls_OfEveryLine_BreakTheSameRules()
    {
        var reports = ArgoReleases.All.Select(r => AuditEngine.Audit([Upstream.InRepository("argo-workflows", r.ReferenceTag, "flattened", "install.no-crds.yaml")])).ToList();

        Assert.All(reports, r => Assert.Equal(reports[^1].RuleIds, r.RuleIds));
        Assert.Contains("ARGO0012", reports[0].RuleIds);
        Assert.DoesNotContain("ARGO0026", reports[0].RuleIds);
    }

    private static bool Covers(Grant upstream, Grant ours) =>
        upstream.Group == ours.Group && upstream.Resource == ours.Resource && upstream.Verb == ours.Verb &&
        (upstream.Namespace == "*" || upstream.Namespace == ours.Namespace) &&
        (upstream.ResourceName is null || upstream.ResourceName == ours.ResourceName);

    /// <summary>
    /// What upstream grants a service account in a release's install, as <paramref name="subject"/>. Upstream's namespace
    /// install manages its own namespace, so its Roles are what the account may do in any namespace it works in.
    /// </summary>
    private static List<Grant> UpstreamGrants(string version, bool namespaced, string account, string subject)
    {
        var file = Upstream.InRepository("argo-workflows", version, "flattened", namespaced ? "namespace-install.no-crds.yaml" : "install.no-crds.yaml");
        var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(file));
        var roles = objects.OfType<V1Role>().ToDictionary(r => r.Metadata.Name, r => r.Rules);
        var clusterRoles = objects.OfType<V1ClusterRole>().ToDictionary(r => r.Metadata.Name, r => r.Rules);
        bool Binds(IEnumerable<Rbacv1Subject> subjects) => subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account);
        var grants = new List<Grant>();
        foreach (var binding in objects.OfType<V1RoleBinding>().Where(b => Binds(b.Subjects)))
        {
            var rules = binding.RoleRef.Kind == "Role" ? roles[binding.RoleRef.Name] : clusterRoles[binding.RoleRef.Name];
            grants.AddRange(rules.SelectMany(r => RbacGrants.Expand(subject, namespaced ? "*" : InstallNamespace, r)));
        }

        foreach (var binding in objects.OfType<V1ClusterRoleBinding>().Where(b => Binds(b.Subjects)))
        {
            grants.AddRange(clusterRoles[binding.RoleRef.Name].SelectMany(r => RbacGrants.Expand(subject, "*", r)));
        }

        Assert.NotEmpty(grants);
        return grants;
    }
}
