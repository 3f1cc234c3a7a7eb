namespace ArgoSecure.Audit;

/// <summary>
/// Every object of one input (one installation unit), looked up by kind, by kind and name, and by the service
/// accounts bindings name. Built once per input, so that no check scans every object for every object: the audit's
/// cost grows with the input, not with its square.
/// </summary>
public sealed class ObjectIndex
{
    private readonly Dictionary<string, List<KubeObject>> byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), List<KubeObject>> byName = [];
    private readonly Dictionary<(string Kind, string? Namespace, string Name), KubeObject> byKey = [];
    private readonly Dictionary<(string? Namespace, string Name), List<KubeObject>> bindingsByAccount = [];
    private readonly Dictionary<string, List<KubeObject>> bindingsByAccountName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, object> derived = [];

    /// <summary>Indexes the objects.</summary>
    public ObjectIndex(IReadOnlyList<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Objects = objects;
        foreach (var o in objects)
        {
            var kind = o.Kind;
            var name = o.Name;
            Add(byKind, kind, o);
            Add(byName, (kind, name), o);
            byKey.TryAdd((kind, o.Namespace, name), o);
            if (kind is "RoleBinding" or "ClusterRoleBinding")
            {
                foreach (var subject in o.Root.Items("subjects"))
                {
                    if (subject.TextAt("kind") == "ServiceAccount" && subject.TextAt("name") is { } account)
                    {
                        var ns = subject.TextAt("namespace") ?? o.Namespace;
                        if (!bindingsByAccount.TryGetValue((ns, account), out var bindings) || bindings[^1] != o)
                        {
                            Add(bindingsByAccount, (ns, account), o);
                        }

                        Add(bindingsByAccountName, account, o);
                    }
                }
            }
        }
    }

    /// <summary>Every object, in input order.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The objects of a kind, in input order.</summary>
    public IReadOnlyList<KubeObject> OfKind(string kind) => byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>
    /// The object of this kind and name in a namespace: the one written in that namespace, else one that names no
    /// namespace (it lands where it is applied); with no namespace given, the first of that name.
    /// </summary>
    public KubeObject? Find(string kind, string? ns, string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (ns is not null && byKey.TryGetValue((kind, ns, name), out var exact))
        {
            return exact;
        }

        if (byKey.TryGetValue((kind, null, name), out var unplaced))
        {
            return unplaced;
        }

        return ns is null && byName.TryGetValue((kind, name), out var any) ? any[0] : null;
    }

    /// <summary>The RoleBindings and ClusterRoleBindings that name the service account <paramref name="name"/> of <paramref name="ns"/> (any namespace when null).</summary>
    public IEnumerable<KubeObject> BindingsOf(string name, string? ns)
    {
        if (ns is null)
        {
            return (bindingsByAccountName.TryGetValue(name, out var any) ? any : []).Distinct();
        }

        // A subject without a namespace (and in a binding without one) can be the account of any namespace.
        var exact = bindingsByAccount.TryGetValue((ns, name), out var list) ? list : [];
        var unplaced = bindingsByAccount.TryGetValue((null, name), out var open) ? open : [];
        return exact.Concat(unplaced).Distinct();
    }

    /// <summary>The Role or ClusterRole a binding refers to, when it is in the input.</summary>
    public KubeObject? RoleOf(KubeObject binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var name = binding.Root.TextAt("roleRef", "name");
        return binding.Root.TextAt("roleRef", "kind") == "ClusterRole" ? Find("ClusterRole", null, name) : Find("Role", binding.Namespace, name);
    }

    /// <summary>A value computed from the whole input once, then shared by every install's checks (one per type).</summary>
    internal T Derived<T>(Func<ObjectIndex, T> create)
        where T : class
    {
        if (!derived.TryGetValue(typeof(T), out var value))
        {
            derived[typeof(T)] = value = create(this);
        }

        return (T)value;
    }

    private static void Add<TKey>(Dictionary<TKey, List<KubeObject>> index, TKey key, KubeObject o)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(o);
    }
}
