using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>
/// The installation the audit reconstructs from the objects it read: the controller and server Deployments with
/// their flags, the ConfigMaps they read, RBAC, NetworkPolicies, Namespaces and the workflow objects.
/// </summary>
public sealed class ArgoInstallation
{
    private readonly List<string> notes = [];

    private ArgoInstallation(IReadOnlyList<KubeObject> objects, ReadingLimits limits)
    {
        Objects = objects;
        Limits = limits;
        Controllers = objects.SelectMany(o => ArgoComponent.Find(o, ArgoComponentKind.Controller)).ToList();
        Servers = objects.SelectMany(o => ArgoComponent.Find(o, ArgoComponentKind.Server)).ToList();
        Controller = Controllers.Count > 0 ? Controllers[0] : null;
        Server = Servers.Count > 0 ? Servers[0] : null;
        ControllerConfig = Controller is null ? FindStandaloneConfig() : FindConfig(Controller);
        ServerConfig = Server is null ? ControllerConfig : FindConfig(Server);
    }

    /// <summary>Every object read.</summary>
    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>The reading limits, for YAML held in strings (ConfigMap entries, podSpecPatch).</summary>
    public ReadingLimits Limits { get; }

    /// <summary>Every workflow-controller found (usually one).</summary>
    public IReadOnlyList<ArgoComponent> Controllers { get; }

    /// <summary>Every argo-server found (usually one).</summary>
    public IReadOnlyList<ArgoComponent> Servers { get; }

    /// <summary>The workflow-controller, or null when the inputs have none.</summary>
    public ArgoComponent? Controller { get; }

    /// <summary>The argo-server, or null.</summary>
    public ArgoComponent? Server { get; }

    /// <summary>The controller's configuration (its <c>--configmap</c>), or null.</summary>
    public ArgoConfig? ControllerConfig { get; }

    /// <summary>The configuration the server reads (its own <c>--configmap</c>, else the controller's), or null.</summary>
    public ArgoConfig? ServerConfig { get; }

    /// <summary>The namespace the controller runs in, when the manifests say.</summary>
    public string? ControllerNamespace => Controller?.Namespace;

    /// <summary>True when the controller watches one namespace (<c>--namespaced</c>).</summary>
    public bool IsNamespaced => Controller?.Flags.IsTrue("namespaced") ?? false;

    /// <summary>Notes about what could not be interpreted.</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Objects of a kind.</summary>
    public IEnumerable<KubeObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);

    /// <summary>True when two namespaces can be the same (equal, or either not written).</summary>
    public static bool SameNamespace(string? a, string? b) => a is null || b is null || a == b;

    /// <summary>
    /// The namespaces where this install runs workflows, each with the object a finding about it is reported on:
    /// the managed namespace of a namespace install, else every namespace with workflow objects or the executor's role.
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

        foreach (var ns in OfKind("Namespace").Where(n => n.Name != controller.Namespace && IsWorkflowNamespace(n.Name)))
        {
            yield return (ns.Name, ns);
        }
    }

    /// <summary>A namespace holds workflows when workflow objects, or bindings of the executor's rights, are there.</summary>
    private bool IsWorkflowNamespace(string name) =>
        Objects.Any(o => o.Namespace == name && (o.Kind is "Workflow" or "CronWorkflow" or "WorkflowTemplate" ||
            (o.Kind is "Role" && RbacChecks.Grants(o, "argoproj.io", ["workflowtaskresults"], ["create", "patch", "*"]) is not null)));

    /// <summary>Reconstructs the installation; YAML held in strings is read under <paramref name="limits"/> (default: the defaults).</summary>
    public static ArgoInstallation From(IReadOnlyList<KubeObject> objects, ReadingLimits? limits = null) => new(objects, limits ?? ReadingLimits.Default);

    private ArgoConfig? FindConfig(ArgoComponent component)
    {
        var name = component.Flags.Value("configmap") ?? "workflow-controller-configmap";
        var map = OfKind("ConfigMap").FirstOrDefault(o => o.Name == name && SameNamespace(o.Namespace, component.Namespace));
        return map is null ? null : ArgoConfig.From(map, notes, Limits);
    }

    private ArgoConfig? FindStandaloneConfig()
    {
        var map = OfKind("ConfigMap").FirstOrDefault(o => o.Name == "workflow-controller-configmap");
        return map is null ? null : ArgoConfig.From(map, notes, Limits);
    }
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
                }
                else
                {
                    value = "";
                }
            }

            flags.Add(name, new YScalar(args[i].Location, value));
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
