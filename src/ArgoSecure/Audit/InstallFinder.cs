using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>
/// Splits one input into Argo installs. Each workflow-controller is an install, with the ConfigMap it reads
/// (<c>--configmap</c> in its namespace). An argo-server joins the controller of its namespace (the one with the same
/// scope when several run there), or the only controller of the input; other servers, and in an input without a
/// controller a <c>workflow-controller-configmap</c> no server reads, are installs of their own. Namespaced objects
/// belong to the install that runs in their namespace or manages it (<c>--namespaced --managed-namespace</c>), or whose
/// cluster-scope controller a RoleBinding there grants rights to; objects in other namespaces belong to the one
/// cluster-scope controller when there is exactly one (or to the only install). Namespaces belong with their namespace's objects, ClusterRoleBindings to the installs
/// whose service accounts they bind, ClusterRoles to the installs whose bindings refer to them (a shared role is
/// audited with each of them), ValidatingAdmissionPolicies to the owners of the namespace they select by name and
/// their bindings with them. What belongs to no install is returned last, without a name. Every step is a dictionary
/// look-up: the cost grows with the input.
/// </summary>
internal sealed class InstallFinder
{
    /// <summary>The name of the ConfigMap a controller reads when its flags name none.</summary>
    public const string DefaultConfigMap = "workflow-controller-configmap";

    private readonly ObjectIndex input;
    private readonly List<string> notes;
    private readonly ReadingLimits limits;
    private readonly List<Install> installs = [];
    private readonly Dictionary<KubeObject, ArgoConfig> configs = [];
    private readonly Dictionary<string, List<Install>> namespaceOwners = new(StringComparer.Ordinal);

    private InstallFinder(IReadOnlyList<KubeObject> objects, List<string> notes, ReadingLimits limits)
    {
        input = new ObjectIndex(objects);
        this.notes = notes;
        this.limits = limits;
    }

    /// <summary>The installs of the objects, in input order, then the objects of no install (always one entry at least).</summary>
    public static IReadOnlyList<ArgoInstallation> Find(IReadOnlyList<KubeObject> objects, List<string> notes, ReadingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(notes);
        return new InstallFinder(objects, notes, limits).Run();
    }

    // Objects with no namespace are keyed by the empty string: they land wherever they are applied.
    private static string Key(string? ns) => ns ?? "";

    private IReadOnlyList<ArgoInstallation> Run()
    {
        var workloads = input.Objects.Where(o => !o.IsOwned).ToList();
        foreach (var controller in workloads.SelectMany(o => ArgoComponent.Find(o, ArgoComponentKind.Controller)))
        {
            installs.Add(new Install(controller.Workload, controller) { ControllerConfig = Config(controller) });
        }

        NoteSharedConfigs();
        AddServers(workloads);
        AddUnreadConfigs();

        var fallback = ClaimNamespaces();
        var residual = new List<KubeObject>();
        var accounts = ServiceAccounts();
        var deferredRoles = new List<KubeObject>();
        var deferredBindings = new List<KubeObject>();
        var policyOwners = new Dictionary<string, List<Install>?>(StringComparer.Ordinal);
        foreach (var o in input.Objects)
        {
            List<Install>? owners;
            if (!o.IsClusterScoped)
            {
                owners = namespaceOwners.GetValueOrDefault(Key(o.Namespace));
            }
            else if (o.Kind == "Namespace")
            {
                owners = namespaceOwners.GetValueOrDefault(o.Name);
            }
            else if (o.Kind == "ClusterRole")
            {
                deferredRoles.Add(o);
                continue;
            }
            else if (o.Kind == "ValidatingAdmissionPolicy")
            {
                // ArgoSecure's policies select their namespace by name; a policy for every namespace belongs to no one install.
                owners = AdmissionPolicyChecks.SelectedNamespace(o.Root.At("spec", "matchConstraints", "namespaceSelector")) is { Length: > 0 } selected
                    ? namespaceOwners.GetValueOrDefault(selected)
                    : null;
                policyOwners[o.Name] = owners is { Count: > 0 } ? owners : fallback is null ? null : [fallback];
            }
            else if (o.Kind == "ValidatingAdmissionPolicyBinding")
            {
                deferredBindings.Add(o);
                continue;
            }
            else if (o.Kind == "ClusterRoleBinding")
            {
                owners = o.Root.Items("subjects").Where(s => s.TextAt("kind") == "ServiceAccount")
                    .SelectMany(s => accounts.GetValueOrDefault((Key(s.TextAt("namespace")), s.TextAt("name") ?? "")) ?? [])
                    .Distinct().ToList();
            }
            else
            {
                owners = null;
            }

            Assign(o, owners is { Count: > 0 } ? owners : fallback is null ? null : [fallback], residual);
        }

        // A ClusterRole belongs to every install whose bindings refer to it (a shared role is audited with each).
        var roleOwners = new Dictionary<KubeObject, List<Install>>();
        foreach (var install in installs)
        {
            foreach (var binding in install.Objects.Where(b => b.Kind is "RoleBinding" or "ClusterRoleBinding" && b.Root.TextAt("roleRef", "kind") == "ClusterRole"))
            {
                if (input.RoleOf(binding) is { } role)
                {
                    var list = roleOwners.TryGetValue(role, out var found) ? found : roleOwners[role] = [];
                    if (!list.Contains(install))
                    {
                        list.Add(install);
                    }
                }
            }
        }

        foreach (var role in deferredRoles)
        {
            Assign(role, roleOwners.GetValueOrDefault(role) ?? (fallback is null ? null : [fallback]), residual);
        }

        // An admission policy binding goes with its policy.
        foreach (var binding in deferredBindings)
        {
            Assign(binding, policyOwners.GetValueOrDefault(binding.Root.TextAt("spec", "policyName") ?? "") ?? (fallback is null ? null : [fallback]), residual);
        }

        var result = installs.Select(i => i.Build(input, limits)).ToList();
        if (residual.Count > 0 || result.Count == 0)
        {
            var namespacedOnly = installs.Count > 0 && installs.All(i => i.IsNamespaced);
            result.Add(new ArgoInstallation(null, input, residual, null, [], null, null, limits, namespacedOnly));
        }

        return result;
    }

    private static void Assign(KubeObject o, List<Install>? owners, List<KubeObject> residual)
    {
        if (owners is null)
        {
            residual.Add(o);
            return;
        }

        foreach (var owner in owners)
        {
            owner.Objects.Add(o);
        }
    }

    private ArgoConfig? Config(ArgoComponent component)
    {
        var name = component.Flags.Value("configmap") ?? DefaultConfigMap;
        return input.Find("ConfigMap", component.Namespace, name) is { } map ? ConfigOf(map) : null;
    }

    private ArgoConfig ConfigOf(KubeObject map)
    {
        if (!configs.TryGetValue(map, out var config))
        {
            configs[map] = config = ArgoConfig.From(map, notes, limits);
        }

        return config;
    }

    private void NoteSharedConfigs()
    {
        foreach (var group in installs.Where(i => i.ControllerConfig is not null).GroupBy(i => i.ControllerConfig!.ConfigMap).Where(g => g.Count() > 1))
        {
            notes.Add($"{group.Key.Location}: {group.Key.Ref} is read by {group.Count()} controllers ({string.Join(", ", group.Select(i => i.Name))}): " +
                "the input is ambiguous; the ConfigMap is audited with each of their installs, and a finding on it lists them all.");
        }
    }

    private void AddServers(List<KubeObject> workloads)
    {
        var controllers = installs.ToList();
        var byNamespace = controllers.GroupBy(i => Key(i.Controller!.Namespace)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var serverOnly = new Dictionary<string, Install>(StringComparer.Ordinal);
        foreach (var server in workloads.SelectMany(o => ArgoComponent.Find(o, ArgoComponentKind.Server)))
        {
            var sameNamespace = byNamespace.GetValueOrDefault(Key(server.Namespace)) ?? [];
            if (sameNamespace.Count == 0 && controllers.Count == 1)
            {
                // The one controller of the input, even in another namespace (a server installed on its own).
                sameNamespace = controllers;
            }

            // Several controllers in one namespace (namespace installs of different namespaces): the one with the server's scope.
            var candidates = sameNamespace.Where(i => i.Controller!.Flags.Value("managed-namespace") == server.Flags.Value("managed-namespace")).ToList();
            candidates = candidates.Count == 0 ? sameNamespace : candidates;
            if (candidates.Count > 1)
            {
                notes.Add($"{server.Workload.Location}: {server.Workload.Ref} could belong to {string.Join(" or ", candidates.Select(i => i.Name))} " +
                    $"(same namespace and scope): the input is ambiguous; it is audited with {candidates[0].Name}.");
            }

            var install = candidates.Count > 0 ? candidates[0] : serverOnly.GetValueOrDefault(Key(server.Namespace));
            if (install is null)
            {
                install = new Install(server.Workload, null);
                install.ControllerConfig = input.Find("ConfigMap", server.Namespace, DefaultConfigMap) is { } map ? ConfigOf(map) : null;
                serverOnly[Key(server.Namespace)] = install;
                installs.Add(install);
            }

            install.Servers.Add(server);
            install.ServerConfig ??= server.Flags.Value("configmap") is not null ? Config(server) : install.ControllerConfig;
        }
    }

    /// <summary>
    /// In an input without a controller, a <c>workflow-controller-configmap</c> no server reads is an install of its own
    /// (its workflowDefaults still apply to the workflows of the input), unless a server runs in its namespace.
    /// </summary>
    private void AddUnreadConfigs()
    {
        if (installs.Any(i => i.Controller is not null))
        {
            return;
        }

        var read = installs.Select(i => i.ControllerConfig?.ConfigMap).Concat(installs.Select(i => i.ServerConfig?.ConfigMap)).OfType<KubeObject>().ToHashSet();
        var occupied = installs.Select(i => Key(i.Anchor.Namespace)).ToHashSet(StringComparer.Ordinal);
        foreach (var map in input.OfKind("ConfigMap").Where(m => m.Name == DefaultConfigMap && !read.Contains(m)))
        {
            if (!occupied.Contains(Key(map.Namespace)) && (map.Namespace is not null || occupied.Count == 0))
            {
                var config = ConfigOf(map);
                installs.Add(new Install(map, null) { ControllerConfig = config, ServerConfig = config });
                occupied.Add(Key(map.Namespace));
            }
        }
    }

    /// <summary>Gives each namespace its installs; returns the install that owns every other namespace, if there is one.</summary>
    private Install? ClaimNamespaces()
    {
        foreach (var install in installs)
        {
            Claim(Key(install.Anchor.Namespace), install);
            foreach (var server in install.Servers)
            {
                Claim(Key(server.Namespace), install);
            }

            if (install.IsNamespaced)
            {
                var managed = (install.Controller ?? install.Servers.FirstOrDefault())?.Flags.Value("managed-namespace");
                if (!string.IsNullOrEmpty(managed))
                {
                    Claim(managed, install);
                }
            }
        }

        // A cluster-scope controller also runs workflows where a RoleBinding grants its service account rights (as
        // ArgoSecure binds the controller in each workflow namespace): that tells several cluster installs apart.
        var ownOrManaged = namespaceOwners.Keys.ToHashSet(StringComparer.Ordinal);
        var controllerAccounts = installs.Where(i => i.Controller is not null && !i.IsNamespaced)
            .ToLookup(i => (Key(i.Controller!.Namespace), i.Controller!.ServiceAccountName));
        foreach (var binding in input.OfKind("RoleBinding").Where(b => b.Namespace is { } ns && !ownOrManaged.Contains(ns)))
        {
            foreach (var subject in binding.Root.Items("subjects").Where(s => s.TextAt("kind") == "ServiceAccount"))
            {
                foreach (var install in controllerAccounts[(Key(subject.TextAt("namespace") ?? binding.Namespace), subject.TextAt("name") ?? "")])
                {
                    Claim(binding.Namespace!, install);
                }
            }
        }

        foreach (var (ns, owners) in namespaceOwners.Where(e => e.Value.Count(i => i.Controller is not null) > 1))
        {
            notes.Add($"Namespace '{ns}' holds or is managed by {owners.Count} installs ({string.Join(", ", owners.Select(i => i.Name))}): " +
                "its objects are audited with each, and a finding on them lists them all.");
        }

        // The install that owns every other namespace: the one cluster-scope controller (servers and ConfigMaps on their
        // own only stand in when the input has no controller), or the only install.
        var candidates = installs.Any(i => i.Controller is not null) ? installs.Where(i => i.Controller is not null).ToList() : installs;
        var clusterScope = candidates.Where(i => !i.IsNamespaced).ToList();
        var fallback = clusterScope.Count == 1 ? clusterScope[0] : candidates.Count == 1 ? candidates[0] : null;
        if (fallback is null && clusterScope.Count > 1)
        {
            var unowned = input.Objects.Where(o => !o.IsClusterScoped && !namespaceOwners.ContainsKey(Key(o.Namespace)))
                .Select(o => o.Namespace ?? "(none)").Distinct(StringComparer.Ordinal).ToList();
            if (unowned.Count > 0)
            {
                var shown = string.Join(", ", unowned.Take(5).Select(n => $"'{n}'")) + (unowned.Count > 5 ? $" and {unowned.Count - 5} more" : "");
                notes.Add($"{clusterScope.Count} cluster-scope installs in one input: the objects in namespaces none of them runs in ({shown}) " +
                    "belong to no install, so they get the object-level rules only and their workflows are checked without workflowDefaults. " +
                    "Audit each cluster's manifests separately to check them against their controller.");
            }
        }

        return fallback;
    }

    private void Claim(string ns, Install install)
    {
        if (!namespaceOwners.TryGetValue(ns, out var owners))
        {
            namespaceOwners[ns] = owners = [];
        }

        if (!owners.Contains(install))
        {
            owners.Add(install);
        }
    }

    /// <summary>The installs of each service account their controller and servers run as, by (namespace, name).</summary>
    private Dictionary<(string, string), List<Install>> ServiceAccounts()
    {
        var accounts = new Dictionary<(string, string), List<Install>>();
        foreach (var install in installs)
        {
            foreach (var component in install.Components)
            {
                var key = (Key(component.Namespace), component.ServiceAccountName);
                var list = accounts.TryGetValue(key, out var found) ? found : accounts[key] = [];
                if (!list.Contains(install))
                {
                    list.Add(install);
                }
            }
        }

        return accounts;
    }

    /// <summary>An install while it is being found.</summary>
    private sealed class Install(KubeObject anchor, ArgoComponent? controller)
    {
        public KubeObject Anchor { get; } = anchor;

        public ArgoComponent? Controller { get; } = controller;

        public List<ArgoComponent> Servers { get; } = [];

        public ArgoConfig? ControllerConfig { get; set; }

        public ArgoConfig? ServerConfig { get; set; }

        public List<KubeObject> Objects { get; } = [];

        public string Name => Anchor.Ref.ToString();

        public IEnumerable<ArgoComponent> Components => Controller is null ? Servers : Servers.Prepend(Controller);

        public bool IsNamespaced => (Controller ?? Servers.FirstOrDefault())?.Flags.IsTrue("namespaced") ?? false;

        public ArgoInstallation Build(ObjectIndex input, ReadingLimits limits) =>
            new(Name, input, Objects, Controller, Servers, ControllerConfig, ServerConfig ?? ControllerConfig, limits);
    }
}
