using ArgoSecure.Planning;
using ArgoSecure.Tests.TestSupport;
using k8s.Models;

namespace ArgoSecure.Tests.Enforcement;

/// <summary>
/// The policies of both samples and of every Args variant, read back from the rendered YAML: one binding per
/// policy, bound to exactly the workflow namespaces, never the controller's namespace or another one, and every
/// expression within the standard CEL the API server offers.
/// </summary>
public class PolicyShapeTests
{
    public static TheoryData<string> Samples => new() { "cluster.yaml", "namespaced.yaml" };

    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Manifests.Variants())
        {
            data.Add(name);
        }

        return data;
    }

    private static readonly Lazy<List<(string Name, Manifests Manifests)>> AllVariants = new(() => Manifests.Variants().ToList());

    private static Manifests Variant(string name) => AllVariants.Value.Single(v => v.Name == name).Manifests;

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryExpression_UsesOnlyStandardCel_AndDefinedVariables(string variant)
    {
        foreach (var policy in Variant(variant).OfType<V1ValidatingAdmissionPolicy>())
        {
            Assert.Empty(CelEngine.Shared.Check(policy.Spec));
        }
    }

    [Fact]
    public void TheCheck_RefusesWhatTheApiServerWouldNotKnow()
    {
        // Not vacuous: an extension function, an unknown variable and a variable read before its definition are caught.
        var spec = new V1ValidatingAdmissionPolicySpec
        {
            MatchConditions = [new V1MatchCondition { Name = "a", Expression = "variables.spec == null" }],
            Variables = [new V1Variable { Name = "first", Expression = "variables.second" }, new V1Variable { Name = "second", Expression = "object.kind.lowerAscii()" }],
            Validations = [new V1Validation { Expression = "self.spec == null && variables.first == 'x'" }],
        };

        var problems = CelEngine.Shared.Check(spec);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("unknown variable 'variables'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("variables.second is not defined before it is read", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("function 'lowerAscii'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("unknown variable 'self'", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryPolicy_HasExactlyOneBinding_OfTheSameName(string variant)
    {
        var manifests = Variant(variant);
        var policies = manifests.OfType<V1ValidatingAdmissionPolicy>().Select(p => p.Metadata.Name).Order(StringComparer.Ordinal).ToList();
        var bound = manifests.OfType<V1ValidatingAdmissionPolicyBinding>().Select(b => b.Spec.PolicyName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(policies, bound);
        Assert.All(manifests.OfType<V1ValidatingAdmissionPolicyBinding>(), b => Assert.Equal(b.Metadata.Name, b.Spec.PolicyName));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void NamespacePolicies_SelectExactlyTheWorkflowNamespaces(string sample)
    {
        var args = ArgoSecure.Options.OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", sample));
        var manifests = Manifests.RenderSample(sample);
        var workflowNamespaces = Composition.WorkflowNamespacesOf(args).Select(n => n.Name).Order(StringComparer.Ordinal).ToList();
        var namespaces = manifests.OfType<V1Namespace>().Select(n => n.Metadata).ToList();
        Assert.Contains(namespaces, n => n.Name == args.Controller.Namespace);

        var selected = new List<string>();
        foreach (var policy in Policies.WorkflowSpecPolicies(manifests).Where(p => p.Spec.MatchConstraints.NamespaceSelector is not null))
        {
            var binding = manifests.OfType<V1ValidatingAdmissionPolicyBinding>().Single(b => b.Spec.PolicyName == policy.Metadata.Name);
            Assert.Equal(["CREATE", "UPDATE"], policy.Spec.MatchConstraints.ResourceRules.Single().Operations);
            Assert.Equal(["cronworkflows", "workflows", "workflowtemplates"], policy.Spec.MatchConstraints.ResourceRules.Single().Resources.Order(StringComparer.Ordinal));
            Assert.Equal("Namespaced", policy.Spec.MatchConstraints.ResourceRules.Single().Scope);

            // Both the policy and its binding select one namespace, by the label Kubernetes sets on every namespace.
            var byPolicy = namespaces.Where(n => Selectors.Matches(policy.Spec.MatchConstraints.NamespaceSelector, n.Labels)).Select(n => n.Name).ToList();
            var byBinding = namespaces.Where(n => Selectors.Matches(binding.Spec.MatchResources.NamespaceSelector, n.Labels)).Select(n => n.Name).ToList();
            var ns = Assert.Single(byPolicy);
            Assert.Equal(byPolicy, byBinding);
            Assert.Equal(ns, policy.Spec.MatchConstraints.NamespaceSelector.MatchLabels.Single(l => l.Key == Labels.NamespaceNameLabel).Value);
            Assert.NotEqual(args.Controller.Namespace, ns);
            Assert.False(Selectors.Matches(binding.Spec.MatchResources.NamespaceSelector, new Dictionary<string, string> { [Labels.NamespaceNameLabel] = "another-team" }));
            Assert.Equal(["Deny"], binding.Spec.ValidationActions);
            selected.Add(ns);
        }

        Assert.Equal(workflowNamespaces, selected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClusterInstall_HoldsClusterWorkflowTemplates_ANamespaceInstallDoesNot()
    {
        var cluster = Policies.WorkflowSpecPolicies(Manifests.RenderSample("cluster.yaml")).Single(p => p.Spec.MatchConstraints.NamespaceSelector is null);
        var rule = cluster.Spec.MatchConstraints.ResourceRules.Single();
        Assert.Equal(["clusterworkflowtemplates"], rule.Resources);
        Assert.Equal("Cluster", rule.Scope);

        Assert.All(Policies.WorkflowSpecPolicies(Manifests.RenderSample("namespaced.yaml")),
            p => Assert.DoesNotContain("clusterworkflowtemplates", p.Spec.MatchConstraints.ResourceRules.Single().Resources));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ControllerExemption_NamesTheControllersOwnServiceAccount(string sample)
    {
        foreach (var policy in Policies.WorkflowSpecPolicies(Manifests.RenderSample(sample)))
        {
            var condition = policy.Spec.MatchConditions.Single(c => c.Name == "not-the-workflow-controller");
            Assert.Equal("request.userInfo.username != 'system:serviceaccount:argo:workflow-controller'", condition.Expression);
            Assert.Equal("Fail", policy.Spec.FailurePolicy);
        }
    }
}
