namespace ArgoSecure;

/// <summary>How submitters may run workflows (<c>workflowRestrictions.templateReferencing</c>).</summary>
public enum TemplateReferencing
{
    /// <summary>No restriction: any workflow spec runs (ARGO0010).</summary>
    None = 0,

    /// <summary>Only workflows that reference a WorkflowTemplate run.</summary>
    Strict = 1,

    /// <summary>Strict, and the referenced template must not change while the workflow runs (hardened).</summary>
    Secure = 2,
}

/// <summary>
/// How the ValidatingAdmissionPolicies hold workflow specs (Workflow, CronWorkflow, WorkflowTemplate,
/// ClusterWorkflowTemplate) to the hardened posture.
/// </summary>
public enum WorkflowSpecEnforcement
{
    /// <summary>The API server refuses a spec that breaks the posture (hardened).</summary>
    Deny = 0,

    /// <summary>
    /// The API server admits it with a warning to the author and an audit-log annotation: the rollout step that shows
    /// what Deny would refuse (ARGO0023 until Deny).
    /// </summary>
    Warn = 1,

    /// <summary>No policy: the hardened workflow settings are only defaults (ARGO0023).</summary>
    Off = 2,
}

/// <summary>The workflow-controller: what ArgoController installs.</summary>
public sealed class ArgoControllerArgs
{
    /// <summary>The default namespace of the controller and the server.</summary>
    public const string DefaultNamespace = "argo";

    /// <summary>The controller's namespace. Default: <c>argo</c>. No workflow ever runs there.</summary>
    public string Namespace { get; set; } = DefaultNamespace;

    /// <summary>Create the controller's namespace (with Pod Security Admission <c>restricted</c>). Default: true.</summary>
    public bool CreateNamespace { get; set; } = true;

    /// <summary>Cluster or namespace install. Default: <see cref="InstallScope.Cluster"/>.</summary>
    public InstallScope Scope { get; set; } = InstallScope.Cluster;

    /// <summary>Images and release.</summary>
    public ArgoImages Images { get; set; } = new();

    /// <summary>Install the Argo CRDs. Default: true; false where CRDs are managed elsewhere.</summary>
    public bool InstallCrds { get; set; } = true;

    /// <summary>
    /// Render ValidatingAdmissionPolicies (Kubernetes 1.30+): for a cluster install, the guard that rejects Workflows
    /// and CronWorkflows in the controller's namespace; for both scopes, the policies that hold workflow specs to
    /// the hardened posture (<see cref="WorkflowSpecEnforcement"/>). Default: true (hardened); false, for clusters
    /// older than 1.30, turns all of them off and is ARGO0023.
    /// </summary>
    public bool AdmissionGuard { get; set; } = true;

    /// <summary>
    /// How workflow specs are enforced at admission in every workflow namespace (each can override it) and, in a
    /// cluster install, for ClusterWorkflowTemplates. Default: <see cref="WorkflowSpecEnforcement.Deny"/> (hardened);
    /// Warn and Off are ARGO0023.
    /// </summary>
    public WorkflowSpecEnforcement WorkflowSpecEnforcement { get; set; } = WorkflowSpecEnforcement.Deny;

    /// <summary>Defaults for every workflow pod.</summary>
    public WorkflowPodDefaults WorkflowDefaults { get; set; } = new();

    /// <summary>Workflow restrictions. Default: <see cref="TemplateReferencing.Secure"/> (hardened).</summary>
    public TemplateReferencing TemplateReferencing { get; set; } = TemplateReferencing.Secure;

    /// <summary>
    /// Extra workflow fields a template submitter may set (<c>WORKFLOW_USER_OVERRIDE_ALLOWLIST</c>). Default: empty
    /// (hardened); security-sensitive fields are ARGO0015.
    /// </summary>
    public List<string> UserOverrideAllowlist { get; set; } = [];

    /// <summary>The metrics endpoint.</summary>
    public MetricsArgs Metrics { get; set; } = new();

    /// <summary>The workflow archive database; null: no persistence.</summary>
    public PersistenceArgs? Persistence { get; set; }

    /// <summary>Where workflow pods and the controller store artifacts, for egress NetworkPolicies.</summary>
    public List<EgressTarget> ArtifactRepositoryEgress { get; set; } = [];

    /// <summary>The CIDRs and ports of the Kubernetes API server; empty: any address on 443 and 6443.</summary>
    public List<EgressTarget> ApiServerEgress { get; set; } = [];

    /// <summary>
    /// How the controller finds the command of a container that sets none: the image index and, only if you turn
    /// them on, registry lookups (reference F13). Default: neither; such containers are refused at admission.
    /// </summary>
    public ImageEntrypointArgs ImageEntrypoints { get; set; } = new();

    /// <summary>
    /// The memoization caches (ConfigMaps in the controller's namespace, reference F9) workflows may use: the
    /// controller may create ConfigMaps there and read and update these by name. In a whole install each workflow
    /// namespace lists its own (<see cref="WorkflowNamespaceArgs.MemoizationCaches"/>) and they are added here.
    /// Default: none (memoization off).
    /// </summary>
    public List<string> MemoizationCaches { get; set; } = [];

    /// <summary>Render NetworkPolicies. Default: true (hardened); false is ARGO0011.</summary>
    public bool NetworkPolicies { get; set; } = true;

    /// <summary>Serve pprof on the controller's health port (<c>ARGO_PPROF</c>). Default: false (hardened); true is ARGO0017.</summary>
    public bool Pprof { get; set; }

    /// <summary>Controller replicas (leader election keeps one active). Default: 1; 2 or more adds a PodDisruptionBudget.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>The controller container's CPU and memory.</summary>
    public ContainerResources Resources { get; set; } = new();

    /// <summary>Risks accepted for this component (rule ID and justification).</summary>
    public List<AcceptedRisk> AcceptedRisks { get; set; } = [];

    /// <summary>A copy sharing every value, for composition that replaces one property.</summary>
    internal ArgoControllerArgs ShallowCopy() => (ArgoControllerArgs)MemberwiseClone();
}
