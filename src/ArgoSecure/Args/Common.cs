namespace ArgoSecure;

/// <summary>A key of a Kubernetes Secret: how ArgoSecure takes every credential.</summary>
public sealed class SecretKeyReference
{
    /// <summary>The Secret's name, in the namespace of the component that reads it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The key inside the Secret.</summary>
    public string Key { get; set; } = "";

    /// <summary>
    /// A literal value for ArgoSecure to write into a Secret it creates. Default: null (hardened):
    /// the Secret is managed elsewhere. A literal lands in source control and state (ARGO0016).
    /// </summary>
    public string? LiteralValue { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}/{Key}";
}

/// <summary>A risk the user accepts: silences one rule with a justification that is kept.</summary>
public sealed class AcceptedRisk
{
    /// <summary>The rule accepted, for example <c>ARGO0004</c>.</summary>
    public string RuleId { get; set; } = "";

    /// <summary>Why the risk is acceptable here. Required.</summary>
    public string Justification { get; set; } = "";
}

/// <summary>A destination that pods may open connections to, for NetworkPolicy egress.</summary>
public sealed class EgressTarget
{
    /// <summary>
    /// The destination addresses as a CIDR (for example <c>10.0.0.0/16</c>); null means any address, on
    /// <see cref="Port"/> only.
    /// </summary>
    public string? Cidr { get; set; }

    /// <summary>The TCP port.</summary>
    public int Port { get; set; } = 443;

    /// <inheritdoc/>
    public override string ToString() => $"{Cidr ?? "any address"}:{Port}";
}

/// <summary>CPU and memory for a container (requests and limits).</summary>
public sealed class ContainerResources
{
    /// <summary>CPU request. Default: <c>100m</c>.</summary>
    public string CpuRequest { get; set; } = "100m";

    /// <summary>Memory request. Default: <c>128Mi</c>.</summary>
    public string MemoryRequest { get; set; } = "128Mi";

    /// <summary>CPU limit. Default: <c>1</c>.</summary>
    public string CpuLimit { get; set; } = "1";

    /// <summary>Memory limit. Default: <c>512Mi</c>.</summary>
    public string MemoryLimit { get; set; } = "512Mi";
}

/// <summary>A subject of a RoleBinding: a user, a group or a service account.</summary>
public sealed class RbacSubject
{
    /// <summary><c>User</c>, <c>Group</c> or <c>ServiceAccount</c>.</summary>
    public SubjectKind Kind { get; set; } = SubjectKind.Group;

    /// <summary>The user, group or service account name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The service account's namespace (service accounts only).</summary>
    public string? Namespace { get; set; }

    /// <summary>A group.</summary>
    public static RbacSubject Group(string name) => new() { Kind = SubjectKind.Group, Name = name };

    /// <summary>A user.</summary>
    public static RbacSubject User(string name) => new() { Kind = SubjectKind.User, Name = name };

    /// <summary>A service account.</summary>
    public static RbacSubject ServiceAccount(string @namespace, string name) =>
        new() { Kind = SubjectKind.ServiceAccount, Name = name, Namespace = @namespace };

    /// <inheritdoc/>
    public override string ToString() => Kind == SubjectKind.ServiceAccount ? $"ServiceAccount {Namespace}/{Name}" : $"{Kind} {Name}";
}

/// <summary>The kind of an RBAC subject.</summary>
public enum SubjectKind
{
    /// <summary>A group of users (for example an SSO group).</summary>
    Group = 0,

    /// <summary>A user.</summary>
    User = 1,

    /// <summary>A Kubernetes service account.</summary>
    ServiceAccount = 2,
}
