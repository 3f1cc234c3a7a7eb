namespace ArgoSecure;

/// <summary>
/// A whole install: the controller, optionally the server, and the workflow namespaces. The options file of
/// <c>argosecure render</c> binds to this type.
/// </summary>
public sealed class ArgoWorkflowsArgs
{
    /// <summary>The controller; its namespace and scope apply to the server and the workflow namespaces.</summary>
    public ArgoControllerArgs Controller { get; set; } = new();

    /// <summary>argo-server; null: no server (the guide's first advice when no one needs the UI).</summary>
    public ArgoServerArgs? Server { get; set; } = new();

    /// <summary>The workflow namespaces (their controller namespace and scope come from <see cref="Controller"/>).</summary>
    public List<WorkflowNamespaceArgs> WorkflowNamespaces { get; set; } = [];

    /// <summary>Risks accepted for the whole install (rule ID and justification).</summary>
    public List<AcceptedRisk> AcceptedRisks { get; set; } = [];
}
