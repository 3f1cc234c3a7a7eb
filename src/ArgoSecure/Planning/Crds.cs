using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>
/// The Argo Workflows custom resources, generated from their facts (group, kind, plural, short names, scope,
/// status subresource). The schemas keep unknown fields: validation of workflow specs is the controller's job,
/// and the full upstream schemas (megabytes each) need server-side apply.
/// </summary>
public static class Crds
{
    /// <summary>The API group of every Argo resource.</summary>
    public const string Group = "argoproj.io";

    /// <summary>The served and stored version.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The facts of every Argo custom resource: the same in every supported line (3.7, 4.0, 4.1).</summary>
    public static IReadOnlyList<CrdFacts> All { get; } =
    [
        new("ClusterWorkflowTemplate", "clusterworkflowtemplates", ["clusterwftmpl", "cwft"], ClusterScoped: true, StatusSubresource: false),
        new("CronWorkflow", "cronworkflows", ["cwf", "cronwf"], ClusterScoped: false, StatusSubresource: false),
        new("WorkflowArtifactGCTask", "workflowartifactgctasks", ["wfat"], ClusterScoped: false, StatusSubresource: true),
        new("WorkflowEventBinding", "workfloweventbindings", ["wfeb"], ClusterScoped: false, StatusSubresource: false),
        new("Workflow", "workflows", ["wf"], ClusterScoped: false, StatusSubresource: false),
        new("WorkflowTaskResult", "workflowtaskresults", [], ClusterScoped: false, StatusSubresource: false),
        new("WorkflowTaskSet", "workflowtasksets", ["wfts"], ClusterScoped: false, StatusSubresource: true),
        new("WorkflowTemplate", "workflowtemplates", ["wftmpl"], ClusterScoped: false, StatusSubresource: false),
    ];

    internal static IEnumerable<V1CustomResourceDefinition> Create() => All.Select(ToDefinition);

    private static V1CustomResourceDefinition ToDefinition(CrdFacts facts)
    {
        var crd = KubeObjects.Create<V1CustomResourceDefinition>($"{facts.Plural}.{Group}", null, Labels.Common("crds"));
        crd.Spec = new V1CustomResourceDefinitionSpec
        {
            Group = Group,
            Scope = facts.ClusterScoped ? "Cluster" : "Namespaced",
            Names = new V1CustomResourceDefinitionNames
            {
                Kind = facts.Kind,
                ListKind = facts.Kind + "List",
                Plural = facts.Plural,
                Singular = facts.Kind.ToLowerInvariant(),
                ShortNames = facts.ShortNames.Count == 0 ? null : facts.ShortNames.ToList(),
            },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = Version,
                    Served = true,
                    Storage = true,
                    Schema = new V1CustomResourceValidation
                    {
                        OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true },
                    },
                    Subresources = facts.StatusSubresource ? new V1CustomResourceSubresources { Status = new Dictionary<string, object>() } : null,
                },
            ],
        };
        return crd;
    }
}

/// <summary>The facts of one Argo custom resource.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Plural">The plural resource name.</param>
/// <param name="ShortNames">kubectl short names.</param>
/// <param name="ClusterScoped">True for cluster-scoped resources.</param>
/// <param name="StatusSubresource">True when the resource has a status subresource.</param>
public sealed record CrdFacts(string Kind, string Plural, IReadOnlyList<string> ShortNames, bool ClusterScoped, bool StatusSubresource);
