using ArgoSecure.Tests.TestSupport;
using k8s.Models;

namespace ArgoSecure.Tests.Planning;

public class NetworkPolicyTests
{
    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void EveryPod_IsRestrictedInBothDirections(string variant)
    {
        var manifests = VariantData.Get(variant);
        foreach (var (ns, labels, _) in Pods(manifests))
        {
            var selecting = manifests.NetworkPolicies.Where(p => p.Metadata.NamespaceProperty == ns && Selectors.Matches(p.Spec.PodSelector, labels)).ToList();
            Assert.Contains(selecting, p => p.Spec.PolicyTypes.Contains("Ingress"));
            Assert.Contains(selecting, p => p.Spec.PolicyTypes.Contains("Egress"));
        }
    }

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void EveryPolicy_SelectsARenderedPod_AndAllowsOnlyPortsItListensOn(string variant)
    {
        var manifests = VariantData.Get(variant);
        var pods = Pods(manifests).ToList();
        Assert.NotEmpty(manifests.NetworkPolicies);
        foreach (var policy in manifests.NetworkPolicies)
        {
            var selected = pods.Where(p => p.Namespace == policy.Metadata.NamespaceProperty && Selectors.Matches(policy.Spec.PodSelector, p.Labels)).ToList();
            Assert.True(selected.Count > 0, $"{policy.Metadata.NamespaceProperty}/{policy.Metadata.Name} selects no pod");

            foreach (var port in (policy.Spec.Ingress ?? []).SelectMany(r => r.Ports ?? []))
            {
                Assert.True(
                    selected.Any(p => p.Ports.Any(c => c.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == port.Port.Value || c.Name == port.Port.Value)),
                    $"{policy.Metadata.Name} allows ingress on {port.Port.Value}, which no selected container listens on");
            }
        }
    }

    [Fact]
    public void Server_AcceptsOnlyTheNamedNamespaces_OnItsPort()
    {
        var policy = Manifests.RenderSample("cluster.yaml").NetworkPolicies.Single(p => p.Metadata.Name == "argo-server");
        var rule = Assert.Single(policy.Spec.Ingress);
        var peer = Assert.Single(rule.FromProperty);
        var expression = Assert.Single(peer.NamespaceSelector.MatchExpressions);
        Assert.Equal(["ingress-nginx"], expression.Values);
        Assert.Equal("2746", Assert.Single(rule.Ports).Port.Value);
        Assert.Null(peer.IpBlock);
    }

    [Fact]
    public void Metrics_AreOpenOnlyToTheScraperNamespace()
    {
        var policy = Manifests.RenderSample("cluster.yaml").NetworkPolicies.Single(p => p.Metadata.Name == "workflow-controller");
        var rule = Assert.Single(policy.Spec.Ingress);
        Assert.Equal(["monitoring"], Assert.Single(rule.FromProperty).NamespaceSelector.MatchExpressions.Single().Values);
        Assert.Equal("9090", Assert.Single(rule.Ports).Port.Value);
    }

    [Fact]
    public void DatabaseAndArtifactEgress_AppearOnlyWhenEnabled()
    {
        var withDatabase = VariantData.Get("persistence, HA, custom namespace");
        var controller = withDatabase.NetworkPolicies.Single(p => p.Metadata.Name == "workflow-controller");
        Assert.Contains(controller.Spec.Egress, e => e.To?.Any(t => t.IpBlock?.Cidr == "10.30.0.0/16") == true && e.Ports.Any(p => p.Port.Value == "5432"));
        var workflowPods = withDatabase.NetworkPolicies.Single(p => p.Metadata.Name == "argo-workflow-pods");
        Assert.Contains(workflowPods.Spec.Egress, e => e.To?.Any(t => t.IpBlock?.Cidr == "10.40.0.0/16") == true);

        var plain = VariantData.Get("defaults, one namespace").NetworkPolicies.Single(p => p.Metadata.Name == "workflow-controller");
        Assert.DoesNotContain(plain.Spec.Egress, e => e.Ports.Any(p => p.Port.Value is "5432" or "3306"));
    }

    [Fact]
    public void WorkflowPods_GetNoIngress()
    {
        foreach (var policy in Manifests.RenderSample("cluster.yaml").NetworkPolicies.Where(p => p.Metadata.Name == "argo-workflow-pods"))
        {
            Assert.Contains("Ingress", policy.Spec.PolicyTypes);
            Assert.True(policy.Spec.Ingress is null || policy.Spec.Ingress.Count == 0);
        }
    }

    /// <summary>
    /// The rendered pods: the Deployments' templates, and in each workflow namespace the pods the controller
    /// will create, which carry the workflow label and listen on nothing.
    /// </summary>
    private static IEnumerable<(string Namespace, IDictionary<string, string> Labels, List<V1ContainerPort> Ports)> Pods(Manifests manifests)
    {
        foreach (var deployment in manifests.Deployments)
        {
            yield return (deployment.Metadata.NamespaceProperty, deployment.Spec.Template.Metadata.Labels,
                deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []).ToList());
        }

        foreach (var binding in manifests.RoleBindings.Where(b => b.Metadata.Name == "argo-executor"))
        {
            yield return (binding.Metadata.NamespaceProperty,
                new Dictionary<string, string> { ["workflows.argoproj.io/workflow"] = "hello-world-x7k2p", ["workflows.argoproj.io/completed"] = "false" },
                []);
        }

        // Where HTTP templates are on, agent pods too (reference section 4.1: Argo's labels on agent pods).
        foreach (var binding in manifests.RoleBindings.Where(b => b.Metadata.Name == "argo-agent"))
        {
            yield return (binding.Metadata.NamespaceProperty,
                new Dictionary<string, string>
                {
                    ["workflows.argoproj.io/workflow"] = "hello-world-x7k2p",
                    ["workflows.argoproj.io/completed"] = "false",
                    ["workflows.argoproj.io/component"] = "agent",
                },
                []);
        }
    }
}
