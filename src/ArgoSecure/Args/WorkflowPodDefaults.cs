namespace ArgoSecure;

/// <summary>
/// What every workflow pod gets unless its author says otherwise (the controller's <c>workflowDefaults</c>,
/// <c>executor</c> and <c>mainContainer</c> settings).
/// </summary>
public sealed class WorkflowPodDefaults
{
    /// <summary>The default workflow service account (<c>ServiceAccountName</c> default).</summary>
    public const string DefaultServiceAccountName = "argo-workflow";

    /// <summary>The default executor service account.</summary>
    public const string DefaultExecutorServiceAccountName = "argo-executor";

    /// <summary>The uid of Argo's non-root images.</summary>
    public const long ArgoNonRootUid = 8737;

    /// <summary>
    /// The service account workflow pods run as. Default: <c>argo-workflow</c>, a dedicated account with
    /// no permissions (hardened); <c>default</c> is ARGO0009.
    /// </summary>
    public string ServiceAccountName { get; set; } = DefaultServiceAccountName;

    /// <summary>
    /// The service account of the executor (<c>init</c>/<c>wait</c> containers), the only one that talks to
    /// the Kubernetes API. Default: <c>argo-executor</c> (hardened).
    /// </summary>
    public string ExecutorServiceAccountName { get; set; } = DefaultExecutorServiceAccountName;

    /// <summary>
    /// Mount the service account token in workflow main containers. Default: false (hardened); true is ARGO0008.
    /// </summary>
    public bool AutomountServiceAccountToken { get; set; }

    /// <summary>Run workflow pods as non-root. Default: true (hardened); false is ARGO0007.</summary>
    public bool RunAsNonRoot { get; set; } = true;

    /// <summary>The uid workflow pods run as. Default: 8737 (hardened); 0 is ARGO0007.</summary>
    public long RunAsUser { get; set; } = ArgoNonRootUid;

    /// <summary>The gid workflow pods run as, and own their volumes as. Default: 8737.</summary>
    public long RunAsGroup { get; set; } = ArgoNonRootUid;
}
