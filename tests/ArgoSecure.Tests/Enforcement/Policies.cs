using ArgoSecure.Tests.TestSupport;
using k8s.Models;

namespace ArgoSecure.Tests.Enforcement;

/// <summary>The workflow-spec policies of rendered manifests, read back from their YAML.</summary>
internal static class Policies
{
    public const string Controller = "system:serviceaccount:argo:workflow-controller";

    private static readonly Lazy<Manifests> ClusterSample = new(() => Manifests.RenderSample("cluster.yaml"));

    /// <summary>The cluster sample's policy of workflow namespace <c>team-a</c>.</summary>
    public static V1ValidatingAdmissionPolicySpec TeamA => Named(ClusterSample.Value, "argosecure-team-a-workflow-specs");

    /// <summary>The cluster sample's policy of ClusterWorkflowTemplates.</summary>
    public static V1ValidatingAdmissionPolicySpec ClusterTemplates => Named(ClusterSample.Value, "argosecure-argo-cluster-workflow-templates");

    public static V1ValidatingAdmissionPolicySpec Named(Manifests manifests, string name) =>
        manifests.OfType<V1ValidatingAdmissionPolicy>().Single(p => p.Metadata.Name == name).Spec;

    /// <summary>The workflow-spec policies (not the controller-namespace guard) of some manifests.</summary>
    public static IEnumerable<V1ValidatingAdmissionPolicy> WorkflowSpecPolicies(Manifests manifests) =>
        manifests.OfType<V1ValidatingAdmissionPolicy>().Where(p => p.Metadata.Labels["app.kubernetes.io/component"] == "workflow-spec-policy");

    /// <summary>The hardened sample workflows (samples/workflows), each document as JSON.</summary>
    public static IEnumerable<(string File, System.Text.Json.Nodes.JsonNode Object)> Samples() =>
        Directory.GetFiles(Path.Combine(Upstream.RepositoryRoot, "samples", "workflows"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => YamlJson.Documents(File.ReadAllText(f)).Select(d => (Path.GetFileName(f), d!)));
}
