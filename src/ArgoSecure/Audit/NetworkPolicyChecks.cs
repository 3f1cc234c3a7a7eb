using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Checks that NetworkPolicies select the controller, the server and the workflow pods.</summary>
internal static class NetworkPolicyChecks
{
    /// <summary>The label the controller puts on every workflow pod.</summary>
    public const string WorkflowPodLabel = "workflows.argoproj.io/workflow";

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var components = install.Controllers.Concat(install.Servers).ToList();
        if (components.Count == 0)
        {
            return;
        }

        var policies = new Policies(install.OfKind("NetworkPolicy"));
        if (policies.Count == 0)
        {
            var namespaces = components.Select(c => c.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).Select(n => $"'{n}'").ToList();
            var where = namespaces.Count == 0 ? "for this install" : $"in {string.Join(", ", namespaces)}";
            context.Report(RuleCatalog.NetworkPoliciesDisabled, components[0].Workload, null,
                $"No NetworkPolicy {where} nor in the install's workflow namespaces: every pod of the cluster can reach argo-server and the controller, and workflow pods can reach everything. Add NetworkPolicies for the controller, the server and the workflow pods.");
            return;
        }

        foreach (var component in components)
        {
            if (!policies.In(component.Namespace).Any(p => Selects(p, component.PodLabels)))
            {
                context.Report(RuleCatalog.NetworkPoliciesDisabled, component.Workload, null,
                    $"No NetworkPolicy selects the pods of {ComponentChecks.Describe(component)}: every pod of the cluster can reach it. Add one that selects its pod labels.");
            }
        }

        CheckMetricsIngress(context, policies);

        var workflowPod = new Dictionary<string, string>(StringComparer.Ordinal) { [WorkflowPodLabel] = "any" };
        foreach (var ns in install.WorkflowNamespaces())
        {
            if (!policies.In(ns.Name).Any(p => Selects(p, workflowPod)))
            {
                context.Report(RuleCatalog.NetworkPoliciesDisabled, ns.Subject, null,
                    $"No NetworkPolicy in '{ns.Name}' selects workflow pods (label {WorkflowPodLabel}): they can reach every address. Add one there.");
            }
        }
    }

    /// <summary>ARGO0013: an ingress rule that opens the controller's metrics port to every namespace.</summary>
    private static void CheckMetricsIngress(AuditContext context, Policies policies)
    {
        var install = context.Installation;
        var metrics = install.ControllerConfig?["metricsConfig"];
        if (metrics?.BoolAt("enabled") == false)
        {
            return;
        }

        var port = metrics?.TextAt("port") ?? "9090";
        foreach (var controller in install.Controllers)
        {
            foreach (var policy in policies.In(controller.Namespace).Where(p => Selects(p, controller.PodLabels)))
            {
                foreach (var rule in policy.Root.At("spec", "ingress")?.Items ?? [])
                {
                    var ports = rule.Items("ports");
                    var coversMetrics = ports.Count == 0 || ports.Any(p => p.TextAt("port") is var value && (value is null || value == port || value == "metrics"));
                    var from = rule.Items("from");
                    var anyNamespace = from.Count == 0 || from.Any(peer =>
                        (peer["namespaceSelector"] is YMap { Entries.Count: 0 } && peer["podSelector"] is null or YMap { Entries.Count: 0 }) ||
                        peer.TextAt("ipBlock", "cidr") is "0.0.0.0/0" or "::/0");
                    if (coversMetrics && anyNamespace)
                    {
                        context.Report(RuleCatalog.MetricsExposed, policy, rule,
                            $"NetworkPolicy '{policy.Name}' lets every namespace reach the controller's unauthenticated metrics (port {port}). Allow only the scraper's namespace in 'from'.");
                    }
                }
            }
        }
    }

    /// <summary>True when the policy's pod selector selects pods with these labels (an "any" value matches any value).</summary>
    public static bool Selects(KubeObject policy, IReadOnlyDictionary<string, string> labels)
    {
        var selector = policy.Root.At("spec", "podSelector");
        return selector is not null && SelectorMatches(selector, labels);
    }

    /// <summary>True when a label selector (matchLabels, matchExpressions) selects these labels (an "any" value matches any value).</summary>
    public static bool SelectorMatches(YNode selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in (selector["matchLabels"] as YMap)?.Entries ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || (actual != "any" && actual != value.Text))
            {
                return false;
            }
        }

        foreach (var expression in selector.Items("matchExpressions"))
        {
            var key = expression.TextAt("key") ?? "";
            var values = expression.Items("values").Select(v => v.Text).ToList();
            var has = labels.TryGetValue(key, out var actual);
            var ok = expression.TextAt("operator") switch
            {
                "Exists" => has,
                "DoesNotExist" => !has,
                "In" => has && (actual == "any" || values.Contains(actual)),
                "NotIn" => !has || actual == "any" || !values.Contains(actual),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An install's NetworkPolicies by namespace (a policy that names no namespace lands in any).</summary>
    private sealed class Policies
    {
        private readonly List<KubeObject> all;
        private readonly Dictionary<string, List<KubeObject>> byNamespace = new(StringComparer.Ordinal);
        private readonly List<KubeObject> unplaced = [];

        public Policies(IEnumerable<KubeObject> policies)
        {
            all = policies.ToList();
            foreach (var policy in all)
            {
                if (policy.Namespace is null)
                {
                    unplaced.Add(policy);
                }
                else if (byNamespace.TryGetValue(policy.Namespace, out var list))
                {
                    list.Add(policy);
                }
                else
                {
                    byNamespace[policy.Namespace] = [policy];
                }
            }
        }

        public int Count => all.Count;

        /// <summary>The policies that can be in a namespace (every policy when the namespace is not known).</summary>
        public IEnumerable<KubeObject> In(string? ns) =>
            ns is null ? all : (byNamespace.TryGetValue(ns, out var list) ? list : []).Concat(unplaced);
    }
}
