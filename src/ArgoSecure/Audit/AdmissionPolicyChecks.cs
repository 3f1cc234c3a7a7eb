using System.Text.RegularExpressions;
using ArgoSecure.Enforcement;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>
/// ARGO0023: every workflow namespace (and, in a cluster install, ClusterWorkflowTemplates) is held to the hardened
/// workflow posture by a ValidatingAdmissionPolicy whose binding denies. A policy is recognised by what it checks:
/// validations whose messages start with the rule IDs of ArgoSecure's admission checks, as the policies ArgoSecure
/// renders do; a check left out must be accepted on the policy (<c>argosecure.io/accept-ARGO00NN</c>), as
/// ArgoSecure records accepted risks there.
/// </summary>
internal static partial class AdmissionPolicyChecks
{
    private static readonly string[] NamespacedResources = ["workflows", "cronworkflows", "workflowtemplates"];

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var controller = install.Controller;
        if (controller is null)
        {
            return;
        }

        var enforcing = Enforcements(context).ToList();
        if (enforcing.Count == 0)
        {
            context.Report(RuleCatalog.WorkflowSpecsNotEnforced, controller.Workload, null,
                "No ValidatingAdmissionPolicy in the inputs holds workflow specs to the hardened posture: the workflow defaults are only defaults, and any author can name another service account, mount its token, run as root, patch the pod or set Argo's own pod labels. "
                + "Apply ArgoSecure's policies (argosecure render, Kubernetes 1.30+), or accept ARGO0023 on the controller where another admission controller enforces them.");
            return;
        }

        foreach (var (name, subject) in install.WorkflowNamespaces())
        {
            var labels = new Dictionary<string, string>(install.OfKind("Namespace").FirstOrDefault(n => n.Name == name)?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                ["kubernetes.io/metadata.name"] = name,
            };
            var here = enforcing.Where(e => e.Namespaced && e.Selects(labels)).ToList();
            if (here.Count == 0)
            {
                context.Report(RuleCatalog.WorkflowSpecsNotEnforced, subject, null,
                    $"No ValidatingAdmissionPolicy binding selects workflow namespace '{name}': workflow specs there are not held to the hardened posture. Bind ArgoSecure's policy to it (argosecure render), or accept ARGO0023 on the namespace.");
            }
            else if (!here.Any(e => e.Denies))
            {
                foreach (var e in here)
                {
                    context.Report(RuleCatalog.WorkflowSpecsNotEnforced, e.Binding, e.Binding.Root.At("spec", "validationActions"),
                        $"ValidatingAdmissionPolicyBinding '{e.Binding.Name}' only warns and audits in '{name}' (validationActions: {string.Join(", ", e.Actions)}): workflow specs that break the posture are still admitted. Switch it to Deny once the warnings are gone.");
                }
            }
        }

        if (!install.IsNamespaced)
        {
            var templates = enforcing.Where(e => e.ClusterTemplates).ToList();
            if (templates.Count == 0)
            {
                context.Report(RuleCatalog.WorkflowSpecsNotEnforced, controller.Workload, null,
                    "No ValidatingAdmissionPolicy holds ClusterWorkflowTemplates to the hardened posture, yet every workflow namespace of this cluster install can run them. Apply ArgoSecure's policy of ClusterWorkflowTemplates (argosecure render).");
            }
            else if (!templates.Any(e => e.Denies))
            {
                foreach (var e in templates)
                {
                    context.Report(RuleCatalog.WorkflowSpecsNotEnforced, e.Binding, e.Binding.Root.At("spec", "validationActions"),
                        $"ValidatingAdmissionPolicyBinding '{e.Binding.Name}' only warns and audits ClusterWorkflowTemplates (validationActions: {string.Join(", ", e.Actions)}): templates that break the posture are still admitted. Switch it to Deny once the warnings are gone.");
                }
            }
        }
    }

    /// <summary>The recognised workflow-spec policies with their bindings; reports the checks a policy leaves out unaccepted.</summary>
    private static IEnumerable<Enforcement> Enforcements(AuditContext context)
    {
        var install = context.Installation;
        var bindings = install.OfKind("ValidatingAdmissionPolicyBinding").ToList();
        foreach (var policy in install.OfKind("ValidatingAdmissionPolicy"))
        {
            var checkedRules = policy.Root.At("spec", "validations")?.Items
                .Select(v => RuleIdPrefix().Match(v.TextAt("message") ?? "") is { Success: true } m ? m.Groups[1].Value : null)
                .Where(id => id is not null && AdmissionChecks.RuleIds.Contains(id, StringComparer.Ordinal))
                .ToHashSet(StringComparer.Ordinal) ?? [];
            var rules = policy.Root.At("spec", "matchConstraints", "resourceRules")?.Items ?? [];
            var resources = rules
                .Where(r => r.Items("apiGroups").Any(g => g.Text is "argoproj.io" or "*") && r.Items("operations").Any(o => o.Text is "CREATE" or "*"))
                .SelectMany(r => r.Items("resources")).Select(r => r.Text ?? "").ToHashSet(StringComparer.Ordinal);
            var namespaced = NamespacedResources.All(r => resources.Contains(r) || resources.Contains("*"));
            var clusterTemplates = resources.Contains("clusterworkflowtemplates") || resources.Contains("*");
            if (checkedRules.Count == 0 || !(namespaced || clusterTemplates))
            {
                continue;
            }

            var missing = AdmissionChecks.PostureRuleIds
                .Where(id => !checkedRules.Contains(id) && string.IsNullOrWhiteSpace(policy.Annotation(AcceptanceAnnotation.Prefix + id)))
                .ToList();
            if (missing.Count > 0)
            {
                context.Report(RuleCatalog.WorkflowSpecsNotEnforced, policy, policy.Root.At("spec", "validations"),
                    $"ValidatingAdmissionPolicy '{policy.Name}' does not check {string.Join(", ", missing)}: workflow specs that break {(missing.Count == 1 ? "that rule" : "those rules")} are admitted. Render the policy again with argosecure, or accept each rule on the policy with the annotation argosecure.io/accept-<rule ID>.");
            }

            foreach (var binding in bindings.Where(b => b.Root.TextAt("spec", "policyName") == policy.Name))
            {
                yield return new Enforcement(policy, binding, namespaced, clusterTemplates);
            }
        }
    }

    [GeneratedRegex("^(ARGO[0-9]{4}):", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPrefix();

    /// <summary>A recognised policy and one of its bindings.</summary>
    private sealed record Enforcement(KubeObject Policy, KubeObject Binding, bool Namespaced, bool ClusterTemplates)
    {
        public IReadOnlyList<string> Actions => Binding.Root.At("spec", "validationActions")?.Items.Select(a => a.Text ?? "").ToList() ?? [];

        public bool Denies => Actions.Contains("Deny", StringComparer.Ordinal);

        /// <summary>True when both the policy's and the binding's namespace selectors (absent: every namespace) select these labels.</summary>
        public bool Selects(IReadOnlyDictionary<string, string> labels) =>
            Matches(Policy.Root.At("spec", "matchConstraints", "namespaceSelector"), labels) &&
            Matches(Binding.Root.At("spec", "matchResources", "namespaceSelector"), labels);

        private static bool Matches(YNode? selector, IReadOnlyDictionary<string, string> labels) =>
            selector is null || NetworkPolicyChecks.SelectorMatches(selector, labels);
    }
}
