namespace ArgoSecure;

/// <summary>A namespace where workflows run: what WorkflowNamespace installs.</summary>
public sealed class WorkflowNamespaceArgs
{
    /// <summary>The namespace. Required; never the controller's namespace (ARGO0002).</summary>
    public string Name { get; set; } = "";

    /// <summary>Create the namespace (with Pod Security Admission <c>restricted</c>). Default: true.</summary>
    public bool CreateNamespace { get; set; } = true;

    /// <summary>The controller's namespace. Default: <c>argo</c>.</summary>
    public string ControllerNamespace { get; set; } = ArgoControllerArgs.DefaultNamespace;

    /// <summary>The install scope of the controller. Default: <see cref="InstallScope.Cluster"/>.</summary>
    public InstallScope Scope { get; set; } = InstallScope.Cluster;

    /// <summary>
    /// The install has argo-server (in the controller's namespace): bind its role here. Default: true; false when
    /// the install has no server.
    /// </summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>
    /// The workflow and executor service accounts, as the controller's <c>workflowDefaults</c> name them.
    /// </summary>
    public WorkflowPodDefaults WorkflowDefaults { get; set; } = new();

    /// <summary>
    /// Service accounts of this namespace that workflows may name (<c>serviceAccountName</c>), besides the workflow
    /// service account, which is always allowed. Default: none. ArgoSecure does not create them; give each only the
    /// rights its workflows need. <c>default</c> is ARGO0009.
    /// </summary>
    public List<string> AllowedServiceAccounts { get; set; } = [];

    /// <summary>
    /// How workflow specs are enforced at admission here. Default: null, the controller's
    /// <see cref="ArgoControllerArgs.WorkflowSpecEnforcement"/> in a whole install, else
    /// <see cref="ArgoSecure.WorkflowSpecEnforcement.Deny"/> (hardened); Warn and Off are ARGO0023.
    /// </summary>
    public WorkflowSpecEnforcement? WorkflowSpecEnforcement { get; set; }

    /// <summary>Who may submit workflows here: create and read workflows, read templates and logs.</summary>
    public List<RbacSubject> Submitters { get; set; } = [];

    /// <summary>Who may look: the security guide's read-only UI role.</summary>
    public List<RbacSubject> Viewers { get; set; } = [];

    /// <summary>Artifact stores the workflow pods use, for egress NetworkPolicies.</summary>
    public List<EgressTarget> ArtifactRepositoryEgress { get; set; } = [];

    /// <summary>Other destinations workflow pods may reach (databases, APIs they call).</summary>
    public List<EgressTarget> ExtraEgress { get; set; } = [];

    /// <summary>The CIDRs and ports of the Kubernetes API server; empty: any address on 443 and 6443.</summary>
    public List<EgressTarget> ApiServerEgress { get; set; } = [];

    /// <summary>
    /// How the controller finds the command of a container that sets none, as the controller's
    /// <see cref="ArgoControllerArgs.ImageEntrypoints"/> say (copied from the controller in a whole install): this
    /// namespace's policy admits only what the controller can start.
    /// </summary>
    public ImageEntrypointArgs ImageEntrypoints { get; set; } = new();

    /// <summary>
    /// Image-pull Secrets of this namespace the controller may read, by name, when it looks an image up in a registry
    /// (reference F13): the <c>imagePullSecrets</c> workflows here name. Needs registry lookups
    /// (<see cref="ImageEntrypointArgs.RegistryEgress"/>). Default: none.
    /// </summary>
    public List<string> ImagePullSecrets { get; set; } = [];

    /// <summary>
    /// The memoization caches (ConfigMaps in the controller's namespace, reference F9) workflows here may use; no
    /// other namespace may use them. Default: none (templates with <c>memoize</c> are refused at admission).
    /// </summary>
    public List<string> MemoizationCaches { get; set; } = [];

    /// <summary>
    /// Let the controller create ConfigMaps here for templates or args over 128 KiB (reference F11). Default: false.
    /// </summary>
    public bool LargeTemplateOffload { get; set; }

    /// <summary>HTTP templates (agent pods); null: off, and templates with <c>http</c> are refused at admission.</summary>
    public HttpTemplatesArgs? HttpTemplates { get; set; }

    /// <summary>Render NetworkPolicies. Default: true (hardened); false is ARGO0011.</summary>
    public bool NetworkPolicies { get; set; } = true;

    /// <summary>Risks accepted for this component (rule ID and justification).</summary>
    public List<AcceptedRisk> AcceptedRisks { get; set; } = [];
}
