namespace ArgoSecure.Enforcement;

/// <summary>
/// The variables every workflow-spec policy defines, computed once per request: the workflow spec (a
/// CronWorkflow's <c>workflowSpec</c>), its templates and <c>templateDefaults</c>, every place that sets pod-level
/// fields, and the security contexts of every container a template runs.
/// </summary>
internal static class PolicyVariables
{
    /// <summary>The spec of a Workflow, WorkflowTemplate or ClusterWorkflowTemplate, or a CronWorkflow's workflowSpec.</summary>
    public const string Spec = "variables.spec";

    /// <summary>Each template (map), and <c>templateDefaults</c> as one more.</summary>
    public const string Templates = "variables.templates";

    /// <summary>
    /// Every map that carries pod-level fields (<c>serviceAccountName</c>, <c>automountServiceAccountToken</c>,
    /// <c>executor</c>, <c>securityContext</c>, <c>podSpecPatch</c>, <c>podMetadata</c> or <c>metadata</c>): the spec, its
    /// workflow-level <c>artifactGC</c>, and each template.
    /// </summary>
    public const string Pods = "variables.pods";

    /// <summary>The pod security context of each of <see cref="Pods"/> (<c>{}</c> where unset).</summary>
    public const string PodSecurityContexts = "variables.podSecurityContexts";

    /// <summary>Per template, the security context of each container: container, script, containerSet containers, initContainers and sidecars.</summary>
    public const string ContainerSecurityContexts = "variables.containerSecurityContexts";

    /// <summary>Per template, the <c>artifactGC</c> of each output artifact (its pods' service account and metadata).</summary>
    public const string ArtifactGCs = "variables.artifactGCs";

    /// <summary>
    /// Per pod-setting map, the metadata Argo copies onto its pods: <c>podMetadata</c> (spec, artifactGC) and a
    /// template's <c>metadata</c>, then per template the <c>podMetadata</c> of each output artifact's artifactGC.
    /// </summary>
    public const string PodMetadata = "variables.podMetadata";

    /// <summary>
    /// Per template (not <c>templateDefaults</c>), the containers whose image's entrypoint Argo must look up (F13):
    /// container, script, containerSet containers and sidecars that set no <c>command</c> and, for container and
    /// script, inherit none from <c>templateDefaults</c>. Init containers run their own entrypoint: Argo never looks them up.
    /// </summary>
    public const string Commandless = "variables.commandless";

    /// <summary>The top-level spec fields the variables read.</summary>
    public static IReadOnlyList<string> SpecFields { get; } = ["templates", "templateDefaults", "artifactGC"];

    /// <summary>The variables, in the order they are defined (each may read the ones before it).</summary>
    public static IReadOnlyList<(string Name, string Expression)> All { get; } =
    [
        ("resourceSpec", Cel.MapAt("object", "spec")),
        ("spec", $"object.kind == 'CronWorkflow' ? {Cel.MapAt("variables.resourceSpec", "workflowSpec")} : variables.resourceSpec"),
        ("templates", $"{Cel.MapsIn(Spec, "templates", "t")} + {Cel.MapAsList(Spec, "templateDefaults")}"),
        ("pods", $"[{Spec}] + {Cel.MapAsList(Spec, "artifactGC")} + {Templates}"),
        ("podSecurityContexts", $"{Pods}.map(p, {Cel.MapAt("p", "securityContext")})"),
        ("containerSecurityContexts",
            $"{Templates}.map(t, ({Cel.MapAsList("t", "container")} + {Cel.MapAsList("t", "script")} + {Cel.MapsIn("t", "containerSet.containers", "c")}"
            + $" + {Cel.MapsIn("t", "initContainers", "c")} + {Cel.MapsIn("t", "sidecars", "c")}).map(c, {Cel.MapAt("c", "securityContext")}))"),
        ("artifactGCs", $"{Templates}.map(t, {Cel.MapsIn("t", "outputs.artifacts", "a")}.filter(a, {Cel.IsMap("a", "artifactGC")}).map(a, a.artifactGC))"),
        ("podMetadata", $"{Pods}.map(p, [{Cel.MapAt("p", "podMetadata")}, {Cel.MapAt("p", "metadata")}]) + {ArtifactGCs}.map(l, l.map(g, {Cel.MapAt("g", "podMetadata")}))"),
        ("commandless",
            $"{Cel.MapsIn(Spec, "templates", "t")}.map(t, {Cel.MapAsList("t", "container")}.filter(c, !{HasCommand("c")} && !{InheritsCommand("container")})"
            + $" + {Cel.MapAsList("t", "script")}.filter(c, !{HasCommand("c")} && !{InheritsCommand("script")})"
            + $" + {Cel.MapsIn("t", "containerSet.containers", "c")}.filter(c, !{HasCommand("c")}) + {Cel.MapsIn("t", "sidecars", "c")}.filter(c, !{HasCommand("c")}))"),
    ];

    private static string HasCommand(string container) => Cel.NonEmptyList(container, "command");

    private static string InheritsCommand(string kind) => Cel.NonEmptyList(Spec, $"templateDefaults.{kind}.command");
}
