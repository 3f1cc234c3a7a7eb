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

    /// <summary>Render NetworkPolicies. Default: true (hardened); false is ARGO0011.</summary>
    public bool NetworkPolicies { get; set; } = true;

    /// <summary>Risks accepted for this component (rule ID and justification).</summary>
    public List<AcceptedRisk> AcceptedRisks { get; set; } = [];
}
