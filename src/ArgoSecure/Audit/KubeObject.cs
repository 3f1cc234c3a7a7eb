namespace ArgoSecure.Audit;

/// <summary>One Kubernetes object read from the inputs, with where it starts.</summary>
public sealed class KubeObject
{
    /// <summary>Creates an object from its YAML root.</summary>
    public KubeObject(YMap root)
    {
        Root = root;
    }

    /// <summary>The whole object.</summary>
    public YMap Root { get; }

    /// <summary>The <c>apiVersion</c>.</summary>
    public string ApiVersion => Root["apiVersion"]?.Text ?? "";

    /// <summary>The <c>kind</c>.</summary>
    public string Kind => Root["kind"]?.Text ?? "";

    /// <summary>The name (<c>metadata.name</c>, else <c>metadata.generateName</c>).</summary>
    public string Name => Metadata?["name"]?.Text ?? Metadata?["generateName"]?.Text ?? "";

    /// <summary>The namespace as written, or null when the object does not say (it lands where it is applied).</summary>
    public string? Namespace => Metadata?["namespace"]?.Text is { Length: > 0 } ns ? ns : null;

    /// <summary>Where the object starts.</summary>
    public SourceLocation Location => Root.Location;

    /// <summary>The spec.</summary>
    public YNode? Spec => Root["spec"];

    // Read on every look-up of a name, namespace or kind: plain indexers, no path array per call.
    private YNode? Metadata => Root["metadata"];

    /// <summary>True when another object owns this one (a ReplicaSet or Pod of a Deployment in <c>kubectl get</c> output).</summary>
    public bool IsOwned => Metadata?["ownerReferences"]?.Items.Count > 0;

    /// <summary>
    /// True for an object read back from a cluster (<c>kubectl get -o yaml</c>): the API server gave it a uid and
    /// managedFields. Its stored values say nothing about how its manifest was written.
    /// </summary>
    public bool IsLive => Metadata?["uid"] is not null || Metadata?["managedFields"] is not null;

    /// <summary>An annotation's value, or null.</summary>
    public string? Annotation(string key) => Metadata?["annotations"]?[key]?.Text;

    /// <summary>The annotations.</summary>
    public IEnumerable<KeyValuePair<string, string>> Annotations =>
        (Root.At("metadata", "annotations") as YMap)?.Entries.Select(e => new KeyValuePair<string, string>(e.Key, e.Value.Text ?? "")) ?? [];

    /// <summary>The labels.</summary>
    public IReadOnlyDictionary<string, string> Labels => LabelsOf(Root.At("metadata", "labels"));

    /// <summary>Reads a label map.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(YNode? node)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YMap map)
        {
            foreach (var entry in map.Entries)
            {
                labels[entry.Key] = entry.Value.Text ?? "";
            }
        }

        return labels;
    }

    /// <summary>The API group (empty for the core group).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>Kind, namespace and name, as shown to users.</summary>
    public AuditObjectRef Ref => new(Kind, Namespace, Name);

    /// <summary>True for kinds that have no namespace.</summary>
    public bool IsClusterScoped => Kind is "Namespace" or "ClusterRole" or "ClusterRoleBinding" or "ClusterWorkflowTemplate" or
        "CustomResourceDefinition" or "PriorityClass" or "StorageClass" or "PersistentVolume" or "ValidatingWebhookConfiguration" or
        "MutatingWebhookConfiguration" or "ValidatingAdmissionPolicy" or "ValidatingAdmissionPolicyBinding" or "IngressClass" or "APIService";

    /// <inheritdoc/>
    public override string ToString() => Ref.ToString();
}

/// <summary>Kind, namespace and name of an object a finding is about.</summary>
public sealed class AuditObjectRef : IEquatable<AuditObjectRef>
{
    /// <summary>Creates a reference.</summary>
    public AuditObjectRef(string kind, string? ns, string name)
    {
        Kind = kind;
        Namespace = ns;
        Name = name;
    }

    /// <summary>The kind.</summary>
    public string Kind { get; }

    /// <summary>The namespace, or null (cluster-scoped or not written).</summary>
    public string? Namespace { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public bool Equals(AuditObjectRef? other) =>
        other is not null && Kind == other.Kind && Namespace == other.Namespace && Name == other.Name;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AuditObjectRef);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Namespace, Name);

    /// <inheritdoc/>
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind} {Namespace}/{Name}";
}

/// <summary>An input the audit cannot read: the run stops with exit code 2.</summary>
public sealed class AuditInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuditInputException(string input, string reason, string fix)
        : base($"{input}: {reason} Fix: {fix}")
    {
        Input = input;
        Reason = reason;
        Fix = fix;
    }

    /// <summary>Creates the exception.</summary>
    public AuditInputException()
        : this("", "unreadable input.", "check the path.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditInputException(string message)
        : this("", message, "check the path.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AuditInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Input = "";
        Reason = message;
        Fix = "check the path.";
    }

    /// <summary>The file or folder.</summary>
    public string Input { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }
}
