using ArgoSecure.Planning;
using ArgoSecure.Releases;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;
using ArgoSecure.Validation;
using CsCheck;
using k8s.Models;

namespace ArgoSecure.Tests.Properties;

/// <summary>
/// Random Args either plan an install that keeps the invariants the variant tests check on chosen Args (Pod Security
/// <c>restricted</c>, RBAC without wildcards and without workflow writes in the controller's namespace, a namespace
/// install without cluster RBAC, NetworkPolicies on every pod, byte-identical renders), or fail validation with
/// findings; never another exception.
/// </summary>
public sealed class ArgsPropertyTests
{
    // Enough to cover every knob many times over in a few seconds (CsCheck shrinks and prints the seed on failure).
    // ARGOSECURE_PROPERTY_ITERATIONS explores further on a developer's machine.
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("ARGOSECURE_PROPERTY_ITERATIONS"), out var n) ? n : 150;

    [Fact]
    public void RandomArgs_PlanASecureInstall_OrFailValidationWithFindings()
    {
        var planned = 0;
        var refused = 0;
        ArgsGen.Args.Sample(args =>
        {
            InstallPlan plan;
            try
            {
                plan = Planner.Plan(args);
            }
            catch (ArgoSecureValidationException e)
            {
                Assert.True(e.Result.InputErrors.Count > 0 || e.Result.BlockingFindings.Any(), e.Message);
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref planned);
            var yaml = ManifestRenderer.Render(plan);
            Assert.Equal(yaml, ManifestRenderer.Render(Planner.Plan(args)));
            CheckInvariants(args, Manifests.Parse(yaml));
        }, iter: Iterations, threads: 1);

        // The generator reaches both outcomes, so the property is not vacuous.
        Assert.True(planned > 0 && refused > 0, $"planned {planned}, refused {refused}");
    }

    private static void CheckInvariants(ArgoWorkflowsArgs args, Manifests manifests)
    {
        foreach (var deployment in manifests.Deployments)
        {
            Assert.Empty(PodSecurityStandard.RestrictedViolations(deployment.Spec.Template.Spec));
        }

        foreach (var ns in manifests.OfType<V1Namespace>())
        {
            Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        }

        foreach (var rule in RbacGrants.AllRules(manifests))
        {
            Assert.DoesNotContain(rule.ApiGroups.Concat(rule.Resources).Concat(rule.Verbs).Concat(rule.ResourceNames ?? []), w => w.Contains('*', StringComparison.Ordinal));
        }

        if (args.Controller.Scope.Kind == InstallScopeKind.Namespaced)
        {
            Assert.Empty(manifests.ClusterRoleBindings);
        }

        var controllerNamespace = manifests.Deployments.Single(d => d.Metadata.Name == "workflow-controller").Metadata.NamespaceProperty;
        // Unless the user accepted running workflows there (ARGO0001: a namespace install managing its own namespace, or ARGO0002).
        var accepted = args.AcceptedRisks.Concat(args.Controller.AcceptedRisks).Concat(args.Server?.AcceptedRisks ?? [])
            .Any(r => r.RuleId is Rules.RuleCatalog.WorkflowsInControllerNamespace or Rules.RuleCatalog.ManagedNamespaceIsControllerNamespace);
        if (!accepted)
        {
            Assert.DoesNotContain(RbacGrants.Resolve(manifests), g => g.Group == "argoproj.io" && g.Resource is "workflows" or "cronworkflows" &&
                g.Verb is "create" or "update" or "patch" && (g.Namespace == controllerNamespace || g.Namespace == "*"));
        }

        // The planned release's controller starts: no ConfigMap key it does not know (it parses its ConfigMap strictly).
        var release = ArgoReleases.For(args.Controller.Images.Version)!;
        foreach (var configMap in manifests.OfType<V1ConfigMap>().Where(c => c.Data is not null))
        {
            Assert.All(ReleaseConfigKeys.Paths(configMap.Data), path => Assert.True(release.KnowsConfigKey(path, ArgoReleases.TagOf(args.Controller.Images.Version)), $"{path} in Argo {args.Controller.Images.Version}"));
        }

        // Each component whose NetworkPolicies are on (off is ARGO0011, a warning) is closed in both directions.
        foreach (var deployment in manifests.Deployments.Where(d => d.Metadata.Name == "workflow-controller" ? args.Controller.NetworkPolicies : args.Server?.NetworkPolicies == true))
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            var selecting = manifests.NetworkPolicies.Where(p => p.Metadata.NamespaceProperty == deployment.Metadata.NamespaceProperty && Selectors.Matches(p.Spec.PodSelector, labels)).ToList();
            Assert.Contains(selecting, p => p.Spec.PolicyTypes.Contains("Ingress"));
            Assert.Contains(selecting, p => p.Spec.PolicyTypes.Contains("Egress"));
        }
    }
}
