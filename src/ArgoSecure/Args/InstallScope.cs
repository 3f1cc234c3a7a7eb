namespace ArgoSecure;

/// <summary>Which kind of install: cluster-wide, or one managed namespace.</summary>
public enum InstallScopeKind
{
    /// <summary>The controller and server watch every namespace (ClusterRoles).</summary>
    Cluster = 0,

    /// <summary>The controller and server watch one managed namespace (Roles only).</summary>
    Namespaced = 1,
}

/// <summary>
/// The install scope of the security guide: <see cref="Cluster"/>, or <see cref="Namespaced(string)"/>
/// with the one namespace whose workflows the controller runs.
/// </summary>
public sealed class InstallScope : IEquatable<InstallScope>
{
    private InstallScope(InstallScopeKind kind, string? managedNamespace)
    {
        Kind = kind;
        ManagedNamespace = managedNamespace;
    }

    /// <summary>A cluster install: workflows run in the workflow namespaces, never in the controller's.</summary>
    public static InstallScope Cluster { get; } = new(InstallScopeKind.Cluster, null);

    /// <summary>The kind of install.</summary>
    public InstallScopeKind Kind { get; }

    /// <summary>The namespace whose workflows a namespace install runs; null for a cluster install.</summary>
    public string? ManagedNamespace { get; }

    /// <summary>True for a namespace install.</summary>
    public bool IsNamespaced => Kind == InstallScopeKind.Namespaced;

    /// <summary>
    /// A namespace install that runs the workflows of <paramref name="managedNamespace"/>,
    /// which must not be the controller's own namespace (ARGO0001).
    /// </summary>
    public static InstallScope Namespaced(string managedNamespace) => new(InstallScopeKind.Namespaced, managedNamespace);

    /// <inheritdoc/>
    public bool Equals(InstallScope? other) =>
        other is not null && Kind == other.Kind && string.Equals(ManagedNamespace, other.ManagedNamespace, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as InstallScope);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, ManagedNamespace);

    /// <inheritdoc/>
    public override string ToString() => IsNamespaced ? $"Namespaced({ManagedNamespace})" : "Cluster";
}
