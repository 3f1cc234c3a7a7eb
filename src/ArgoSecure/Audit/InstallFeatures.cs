using System.Globalization;

namespace ArgoSecure.Audit;

/// <summary>
/// What the install in the inputs lets the controller do for workflows, read from its ConfigMap, flags, RBAC and
/// NetworkPolicies: the image index, executor plugins, its grants per namespace, and whether it reaches a registry.
/// Where the inputs do not show a fact (no controller, no binding of its account), the fact is unknown and nothing
/// that depends on it is reported.
/// </summary>
internal sealed class InstallFeatures
{
    /// <summary>The agent CA Secret the controller reads before each agent pod (reference F14).</summary>
    public const string AgentCaSecret = Planning.ControllerRbac.AgentCaSecret;

    private readonly List<(string Namespace, YNode Rule)> controllerRules;
    private readonly List<KubeObject> egressPolicies;

    private InstallFeatures(ArgoInstallation install)
    {
        Controller = install.Controller;
        ImageIndex = (install.ControllerConfig?["images"] as YMap)?.Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        ExecutorPlugins = Controller?.Flags.IsTrue("executor-plugins") ?? false;
        controllerRules = Controller is null ? [] : RulesOf(install, Controller);
        egressPolicies = Controller is null
            ? []
            : install.OfKind("NetworkPolicy")
                .Where(p => ArgoInstallation.SameNamespace(p.Namespace, Controller.Namespace) && NetworkPolicyChecks.Selects(p, Controller.PodLabels) && LimitsEgress(p))
                .ToList();
    }

    /// <summary>The controller in the inputs, or null (then nothing is known).</summary>
    public ArgoComponent? Controller { get; }

    /// <summary>The images of the controller ConfigMap's <c>images</c> key.</summary>
    public IReadOnlySet<string> ImageIndex { get; }

    /// <summary>The controller runs executor plugins (<c>--executor-plugins</c>).</summary>
    public bool ExecutorPlugins { get; }

    /// <summary>True when the inputs hold at least one binding of the controller's account, so its grants are known.</summary>
    public bool RbacKnown => controllerRules.Count > 0;

    public static InstallFeatures From(ArgoInstallation install) => new(install);

    /// <summary>True when the controller's known grants allow the verb on the resource (and name) in the namespace.</summary>
    public bool ControllerCan(string @namespace, string group, string resource, string verb, string? name = null) =>
        controllerRules.Any(r => (r.Namespace == "*" || r.Namespace == @namespace) && Allows(r.Rule, group, resource, verb, name));

    /// <summary>
    /// False when the controller's pods are held by egress NetworkPolicies of which no rule lets TCP on this port
    /// out of the cluster (to any address or an ipBlock); true otherwise, or when the inputs have no controller.
    /// </summary>
    public bool ControllerReaches(int port) =>
        egressPolicies.Count == 0 ||
        egressPolicies.SelectMany(p => p.Root.At("spec", "egress")?.Items ?? []).Any(rule =>
            (rule.Items("to").Count == 0 || rule.Items("to").Any(peer => peer["ipBlock"] is not null)) &&
            (rule.Items("ports").Count == 0 || rule.Items("ports").Any(p => (p.TextAt("protocol") ?? "TCP") == "TCP" && Covers(p, port))));

    /// <summary>The port an image's registry listens on: an explicit <c>host:port/</c>, else 443.</summary>
    public static int RegistryPort(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var host = image[..slash];
            var colon = host.LastIndexOf(':');
            if ((host.Contains('.', StringComparison.Ordinal) || host.StartsWith("localhost", StringComparison.Ordinal)) && colon > 0 &&
                int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        return 443;
    }

    private static bool LimitsEgress(KubeObject policy)
    {
        var types = policy.Root.At("spec", "policyTypes")?.Items.Select(t => t.Text).ToList() ?? [];
        return types.Count > 0 ? types.Contains("Egress") : policy.Root.At("spec", "egress") is not null;
    }

    private static bool Covers(YNode port, int value)
    {
        if (!int.TryParse(port.TextAt("port"), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            // A named port is a port of the destination pod: never a registry outside the cluster.
            return port.TextAt("port") is null;
        }

        var to = int.TryParse(port.TextAt("endPort"), NumberStyles.None, CultureInfo.InvariantCulture, out var end) ? end : from;
        return value >= from && value <= to;
    }

    private static List<(string, YNode)> RulesOf(ArgoInstallation install, ArgoComponent controller)
    {
        var rules = new List<(string, YNode)>();
        foreach (var binding in install.Input.BindingsOf(controller.ServiceAccountName, controller.Namespace))
        {
            if (install.Input.RoleOf(binding) is not { } role)
            {
                continue;
            }

            var scope = binding.Kind == "ClusterRoleBinding" ? "*" : binding.Namespace ?? "*";
            rules.AddRange(role.Root.Items("rules").Select(r => (scope, r)));
        }

        return rules;
    }

    private static bool Allows(YNode rule, string group, string resource, string verb, string? name)
    {
        static bool Has(YNode rule, string field, string value) => rule.Items(field).Any(i => i.Text == value || i.Text == "*");
        var names = rule.Items("resourceNames");
        return Has(rule, "apiGroups", group) && Has(rule, "resources", resource) && Has(rule, "verbs", verb) &&
            (names.Count == 0 || (name is not null && names.Any(n => n.Text == name)));
    }
}
