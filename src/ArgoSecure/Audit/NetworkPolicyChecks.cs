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

        var policies = install.OfKind("NetworkPolicy").ToList();
        if (policies.Count == 0)
        {
            var first = components[0];
            context.Report(RuleCatalog.NetworkPoliciesDisabled, first.Workload, null,
                "No NetworkPolicy in the inputs: every pod of the cluster can reach argo-server and the controller, and workflow pods can reach everything. Add NetworkPolicies for the controller, the server and the workflow pods.");
            return;
        }

        foreach (var component in components)
        {
            if (!policies.Any(p => ArgoInstallation.SameNamespace(p.Namespace, component.Namespace) && Selects(p, component.PodLabels)))
            {
                context.Report(RuleCatalog.NetworkPoliciesDisabled, component.Workload, null,
                    $"No NetworkPolicy selects the pods of {ComponentChecks.Describe(component)}: every pod of the cluster can reach it. Add one that selects its pod labels.");
            }
        }

        CheckMetricsIngress(context, policies);

        var workflowPod = new Dictionary<string, string>(StringComparer.Ordinal) { [WorkflowPodLabel] = "any" };
        foreach (var ns in install.WorkflowNamespaces())
        {
            if (!policies.Any(p => ArgoInstallation.SameNamespace(p.Namespace, ns.Name) && Selects(p, workflowPod)))
            {
                context.Report(RuleCatalog.NetworkPoliciesDisabled, ns.Subject, null,
                    $"No NetworkPolicy in '{ns.Name}' selects workflow pods (label {WorkflowPodLabel}): they can reach every address. Add one there.");
            }
        }
    }

    /// <summary>ARGO0013: an ingress rule that opens the controller's metrics port to every namespace.</summary>
    private static void CheckMetricsIngress(AuditContext context, List<KubeObject> policies)
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
            foreach (var policy in policies.Where(p => ArgoInstallation.SameNamespace(p.Namespace, controller.Namespace) && Selects(p, controller.PodLabels)))
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
}
