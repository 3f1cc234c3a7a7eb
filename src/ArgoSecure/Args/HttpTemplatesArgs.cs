namespace ArgoSecure;

/// <summary>
/// HTTP templates in a workflow namespace (reference F12, F14-F16 and §3.3): Argo runs them in an agent pod as the
/// workflow service account. Turning them on grants the controller the task-set and agent-CA access it needs there,
/// gives the workflow service account the agent's role and its token Secret, and lets agent pods reach
/// <see cref="Egress"/>.
/// </summary>
public sealed class HttpTemplatesArgs
{
    /// <summary>
    /// Where HTTP templates may connect, for the agent pods' egress NetworkPolicy. Required while NetworkPolicies are
    /// on; a target without a CIDR means any address on its port.
    /// </summary>
    public List<EgressTarget> Egress { get; set; } = [];

    /// <summary>
    /// Secrets of the namespace whose keys HTTP headers may read (<c>valueFrom.secretKeyRef</c>); the agent may read
    /// these, by name, and no others. Default: none.
    /// </summary>
    public List<string> HeaderSecrets { get; set; } = [];
}
