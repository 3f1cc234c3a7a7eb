using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>
/// One Argo install the audit reconstructs from the objects it read: a workflow-controller (its Deployment and the
/// ConfigMap it reads) with the argo-servers, RBAC, Services, NetworkPolicies, Namespaces and workflow objects that
/// belong to it (see <see cref="InstallFinder"/>). An input can hold many installs; the objects that belong to none form
/// one more installation without a <see cref="Name"/>, which gets the object-level rules.
/// </summary>
public sealed class ArgoInstallation
{
    private readonly Dictionary<string, List<KubeObject>> byKind = new(StringComparer.Ordinal);
    private readonly bool namespacedWithoutComponents;
    private HashSet<string>? workflowHoldingNamespaces;

    internal ArgoInstallation(
        string? name, ObjectIndex input, IReadOnlyList<KubeObject> objects, ArgoComponent? controller, IReadOnlyList<ArgoComponent> servers,
        ArgoConfig? controllerConfig, ArgoConfig? serverConfig, ReadingLimits limits, bool namespacedWithoutComponents = false)
    {
        Name = name;
        Input = input;
        Objects = objects;
        Limits = limits;
        Controller = controller;
        Controllers = controller is null ? [] : [controller];
        Servers = servers;
        ControllerConfig = controllerConfig;
        ServerConfig = serverConfig;
        this.namespacedWithoutComponents = namespacedWithoutComponents;
        foreach (var o in objects)
        {
            if (!byKind.TryGetValue(o.Kind, out var list))
            {
                byKind[o.Kind] = list = [];
            }

            list.Add(o);
        }
    }

    /// <summary>How findings name the install: its controller (else its server or ConfigMap), as <c>Kind namespace/name</c>; null for the objects of no install.</summary>
    public string? Name { get; }

    /// <summary>Every object of the input this install was found in, indexed: for references that cross installs (roles, templates, bindings).</summary>
    public ObjectIndex Input { get; }

    /// <summary>The objects that belong to this install.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The reading limits, for YAML held in strings (ConfigMap entries, podSpecPatch).</summary>
    public ReadingLimits Limits { get; }

    /// <summary>The install's workflow-controller as a list (empty or one), for checks that treat controllers and servers alike.</summary>
    public IReadOnlyList<ArgoComponent> Controllers { get; }

    /// <summary>The argo-servers that belong to this install (usually one).</summary>
    public IReadOnlyList<ArgoComponent> Servers { get; }

    /// <summary>The workflow-controller, or null when the install has none in the input.</summary>
    public ArgoComponent? Controller { get; }

    /// <summary>The first argo-server, or null.</summary>
    public ArgoComponent? Server => Servers.Count > 0 ? Servers[0] : null;

    /// <summary>The controller's configuration (its <c>--configmap</c>), or null.</summary>
    public ArgoConfig? ControllerConfig { get; }

    /// <summary>The configuration the server reads (its own <c>--configmap</c>, else the controller's), or null.</summary>
    public ArgoConfig? ServerConfig { get; }

    /// <summary>The namespace the controller runs in, when the manifests say.</summary>
    public string? ControllerNamespace => Controller?.Namespace;

    /// <summary>True when the install watches one namespace (<c>--namespaced</c>).</summary>
    public bool IsNamespaced => (Controller ?? Server)?.Flags.IsTrue("namespaced") ?? namespacedWithoutComponents;

    /// <summary>The install's objects of a kind.</summary>
    public IEnumerable<KubeObject> OfKind(string kind) => byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>True when two namespaces can be the same (equal, or either not written).</summary>
    public static bool SameNamespace(string? a, string? b) => a is null || b is null || a == b;

    /// <summary>
    /// The namespaces where this install runs workflows, each with the object a finding about it is reported on:
    /// the managed namespace of a namespace install, else every namespace of the install with workflow objects or the
    /// executor's role.
    /// </summary>
    public IEnumerable<(string Name, KubeObject Subject)> WorkflowNamespaces()
    {
        var controller = Controller;
        if (controller is null)
        {
            yield break;
        }

        if (IsNamespaced)
        {
            var managed = controller.Flags.Value("managed-namespace");
            var name = string.IsNullOrEmpty(managed) ? controller.Namespace : managed;
            if (name is not null)
            {
                yield return (name, OfKind("Namespace").FirstOrDefault(n => n.Name == name) ?? controller.Workload);
            }

            yield break;
        }

        workflowHoldingNamespaces ??= Objects
            .Where(o => o.Namespace is not null && (o.Kind is "Workflow" or "CronWorkflow" or "WorkflowTemplate" ||
                (o.Kind is "Role" && RbacChecks.Grants(o, "argoproj.io", ["workflowtaskresults"], ["create", "patch", "*"]) is not null)))
            .Select(o => o.Namespace!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var ns in OfKind("Namespace").Where(n => n.Name != controller.Namespace && workflowHoldingNamespaces.Contains(n.Name)))
        {
            yield return (ns.Name, ns);
        }
    }

    /// <summary>The first install of the objects (for inputs that hold one), else the objects of no install; YAML held in strings is read under <paramref name="limits"/>.</summary>
    public static ArgoInstallation From(IReadOnlyList<KubeObject> objects, ReadingLimits? limits = null) => FindAll(objects, [], limits)[0];

    /// <summary>Every install of the objects, in input order, then the objects of no install (when there are any); YAML held in strings is read under <paramref name="limits"/> (default: the defaults).</summary>
    public static IReadOnlyList<ArgoInstallation> FindAll(IReadOnlyList<KubeObject> objects, List<string> notes, ReadingLimits? limits = null) =>
        InstallFinder.Find(objects, notes, limits ?? ReadingLimits.Default);
}

/// <summary>Which Argo component a workload runs.</summary>
public enum ArgoComponentKind
{
    /// <summary>The workflow-controller.</summary>
    Controller,

    /// <summary>argo-server.</summary>
    Server,
}

/// <summary>A workload running the workflow-controller or argo-server, with its flags and environment.</summary>
public sealed class ArgoComponent
{
    private ArgoComponent(KubeObject workload, YNode container, ArgoComponentKind kind)
    {
        Workload = workload;
        Container = container;
        Kind = kind;
        Flags = ArgoFlags.Parse(container, kind == ArgoComponentKind.Server);
    }

    /// <summary>The Deployment (or other workload).</summary>
    public KubeObject Workload { get; }

    /// <summary>The Argo container.</summary>
    public YNode Container { get; }

    /// <summary>Controller or server.</summary>
    public ArgoComponentKind Kind { get; }

    /// <summary>The flags, from args and their <c>ARGO_*</c> environment equivalents.</summary>
    public ArgoFlags Flags { get; }

    /// <summary>The namespace, when written.</summary>
    public string? Namespace => Workload.Namespace;

    /// <summary>The pod's service account (<c>default</c> when unset).</summary>
    public string ServiceAccountName =>
        PodTemplates.PodSpecOf(Workload)?.TextAt("serviceAccountName") ?? PodTemplates.PodSpecOf(Workload)?.TextAt("serviceAccount") ?? "default";

    /// <summary>The pod labels.</summary>
    public IReadOnlyDictionary<string, string> PodLabels => PodTemplates.PodLabelsOf(Workload);

    private static YNode? First(IReadOnlyList<YNode> items) => items.Count > 0 ? items[0] : null;

    /// <summary>The Argo components a workload runs.</summary>
    public static IEnumerable<ArgoComponent> Find(KubeObject o, ArgoComponentKind kind)
    {
        // Owned ReplicaSets and Pods (kubectl get output) repeat their Deployment: the owner is audited.
        if (o.Kind is not ("Deployment" or "StatefulSet" or "DaemonSet" or "Pod" or "ReplicaSet") || o.IsOwned)
        {
            yield break;
        }

        foreach (var container in PodTemplates.PodSpecOf(o)?.Items("containers") ?? [])
        {
            var image = ImageReference.Parse(container.TextAt("image") ?? "").ArgoImage;
            var command = First(container.Items("command"))?.Text;
            var firstArg = First(container.Items("args"))?.Text;
            var isController = image == "workflow-controller" || command == "workflow-controller";
            var isServer = (image == "argocli" && (firstArg == "server" || command == "server")) || (command == "argo" && firstArg == "server");
            if ((kind == ArgoComponentKind.Controller && isController) || (kind == ArgoComponentKind.Server && isServer))
            {
                yield return new ArgoComponent(o, container, kind);
            }
        }
    }
}

/// <summary>The flags of an Argo binary, from its args and their <c>ARGO_&lt;FLAG&gt;</c> environment variables.</summary>
public sealed class ArgoFlags
{
    private static readonly HashSet<string> BooleanFlags = new(StringComparer.Ordinal)
    {
        "namespaced", "secure", "executor-plugins", "workflow-level-executor-plugins", "hsts", "event-async-dispatch", "sso-namespace-delegation",
    };

    private readonly Dictionary<string, List<YNode>> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YNode> env = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> written = new(StringComparer.Ordinal);

    /// <summary>Parses a container's args and env.</summary>
    public static ArgoFlags Parse(YNode container, bool skipSubcommand)
    {
        var flags = new ArgoFlags();
        var args = container.Items("args").ToList();
        var start = skipSubcommand && args.Count > 0 && args[0].Text == "server" ? 1 : 0;
        for (var i = start; i < args.Count; i++)
        {
            var text = args[i].Text ?? "";
            if (!text.StartsWith('-'))
            {
                continue;
            }

            var name = text.TrimStart('-');
            string? value = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }

            name = name == "e" ? "secure" : name;
            var asWritten = text;
            if (value is null)
            {
                if (BooleanFlags.Contains(name) || (i + 1 < args.Count && (args[i + 1].Text ?? "").StartsWith("--", StringComparison.Ordinal)))
                {
                    // A boolean flag, or a flag followed directly by another flag: it takes no value.
                    value = "true";
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i].Text ?? "";
                    asWritten = $"{text} {value}";
                }
                else
                {
                    value = "";
                }
            }

            flags.Add(name, new YScalar(args[i].Location, value));
            if (!flags.written.TryGetValue(name, out var spellings))
            {
                flags.written[name] = spellings = [];
            }

            spellings.Add(asWritten);
        }

        foreach (var variable in container.Items("env"))
        {
            if (variable.TextAt("name") is { } envName && variable["value"] is { } v)
            {
                flags.env[envName] = v;
            }
        }

        return flags;
    }

    private void Add(string name, YNode value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }

        list.Add(value);
    }

    /// <summary>Every value of a flag (a repeated flag has several), else its env variable's value; comma lists are split.</summary>
    public IReadOnlyList<YNode> All(string flag)
    {
        if (values.TryGetValue(flag, out var list))
        {
            return list;
        }

        return Env("ARGO_" + flag.ToUpperInvariant().Replace('-', '_')) is { } e ? [e] : [];
    }

    /// <summary>The last value of a flag (or its env variable), or null.</summary>
    public string? Value(string flag) => Node(flag)?.Text;

    /// <summary>The node holding the flag's last value, for its location.</summary>
    public YNode? Node(string flag) => All(flag) is { Count: > 0 } all ? all[^1] : null;

    /// <summary>
    /// The flag as it is written, every occurrence with its value: <c>--secure=false</c>, <c>--auth-mode=client --auth-mode server</c>,
    /// <c>--namespaced</c>, or <c>ARGO_SECURE=false</c> when the environment variable sets it.
    /// </summary>
    public string Written(string flag) =>
        written.TryGetValue(flag, out var spellings) ? string.Join(' ', spellings) : $"ARGO_{flag.ToUpperInvariant().Replace('-', '_')}={Value(flag)}";

    /// <summary>True when a boolean flag is set to true.</summary>
    public bool IsTrue(string flag) => YNode.ParseBool(Value(flag)) == true;

    /// <summary>True when a boolean flag is set to false.</summary>
    public bool IsFalse(string flag) => YNode.ParseBool(Value(flag)) == false;

    /// <summary>An environment variable's value node, or null.</summary>
    public YNode? Env(string name) => env.TryGetValue(name, out var v) ? v : null;
}

/// <summary>The Argo configuration held in a ConfigMap: separate data keys, or one <c>config</c> blob, parsed.</summary>
public sealed class ArgoConfig
{
    private ArgoConfig(KubeObject configMap, YMap settings)
    {
        ConfigMap = configMap;
        Settings = settings;
    }

    /// <summary>The ConfigMap.</summary>
    public KubeObject ConfigMap { get; }

    /// <summary>Every setting, parsed (for example <c>Settings["workflowDefaults"]</c>).</summary>
    public YMap Settings { get; }

    /// <summary>A setting, or null.</summary>
    public YNode? this[string key] => Settings.Get(key);

    /// <summary>Parses a ConfigMap; YAML in its entries is read under <paramref name="limits"/> (default: the defaults).</summary>
    public static ArgoConfig From(KubeObject configMap, List<string> notes, ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        ArgumentNullException.ThrowIfNull(notes);
        var settings = new YMap(configMap.Location);
        if (configMap.Root["data"] is YMap data)
        {
            foreach (var (key, value) in data.Entries)
            {
                YNode? parsed;
                try
                {
                    parsed = YamlTree.ParseEmbedded(value, limits ?? ReadingLimits.Default);
                }
                catch (AuditInputException e)
                {
                    notes.Add($"{configMap.Ref} key '{key}': {e.Reason}; this key is not audited.");
                    continue;
                }

                if (key == "config" && parsed is YMap blob)
                {
                    foreach (var (inner, innerValue) in blob.Entries)
                    {
                        settings.Set(inner, innerValue);
                    }
                }
                else if (parsed is not null)
                {
                    settings.Set(key, parsed);
                }
            }
        }

        return new ArgoConfig(configMap, settings);
    }
}
