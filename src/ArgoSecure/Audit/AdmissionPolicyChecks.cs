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
        var enforcements = install.Input.Derived(input => new Enforcements(input));

        // Findings about a policy are the business of the installs it belongs to (the owners of the namespace it selects).
        foreach (var policy in install.OfKind("ValidatingAdmissionPolicy"))
        {
            if (enforcements.Missing.TryGetValue(policy, out var missing))
            {
                context.Report(RuleCatalog.WorkflowSpecsNotEnforced, policy, policy.Root.At("spec", "validations"),
                    $"ValidatingAdmissionPolicy '{policy.Name}' does not check {string.Join(", ", missing)}: workflow specs that break {(missing.Count == 1 ? "that rule" : "those rules")} are admitted. Render the policy again with argosecure, or accept each rule on the policy with the annotation argosecure.io/accept-<rule ID>.");
            }
        }

        var controller = install.Controller;
        if (controller is null)
        {
            return;
        }

        if (enforcements.Count == 0)
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
                [NamespaceNameLabel] = name,
            };
            var here = enforcements.Selecting(name, labels);
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
            var templates = enforcements.ClusterTemplates;
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

    /// <summary>The label every namespace carries with its own name, which ArgoSecure's policies select on.</summary>
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>
    /// The namespace a selector selects by name alone (<c>matchLabels</c> with only <c>kubernetes.io/metadata.name</c>), "" for
    /// no selector (every namespace), or null for any other selector.
    /// </summary>
    public static string? SelectedNamespace(YNode? selector) => selector switch
    {
        null or YMap { Entries.Count: 0 } => "",
        _ when selector["matchExpressions"] is null && selector["matchLabels"] is YMap { Entries.Count: 1 } labels && labels.Entries[0].Key == NamespaceNameLabel => labels.Entries[0].Value.Text,
        _ => null,
    };

    [GeneratedRegex("^(ARGO[0-9]{4}):", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPrefix();

    /// <summary>
    /// The input's recognised workflow-spec policies with their bindings, read once for every install: by the namespace
    /// they select by name, every namespace, or another selector; and the checks each policy leaves out unaccepted.
    /// </summary>
    private sealed class Enforcements
    {
        private readonly Dictionary<string, List<Enforcement>> byNamespace = new(StringComparer.Ordinal);
        private readonly List<Enforcement> everywhere = [];
        private readonly List<Enforcement> bySelector = [];

        public Enforcements(ObjectIndex input)
        {
            var bindings = input.OfKind("ValidatingAdmissionPolicyBinding").ToLookup(b => b.Root.TextAt("spec", "policyName") ?? "", StringComparer.Ordinal);
            foreach (var policy in input.OfKind("ValidatingAdmissionPolicy"))
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
                    Missing[policy] = missing;
                }

                foreach (var binding in bindings[policy.Name])
                {
                    var e = new Enforcement(policy, binding, namespaced, clusterTemplates);
                    Count++;
                    if (clusterTemplates)
                    {
                        ClusterTemplates.Add(e);
                    }

                    if (namespaced)
                    {
                        Index(e);
                    }
                }
            }
        }

        public int Count { get; private set; }

        public Dictionary<KubeObject, List<string>> Missing { get; } = [];

        public List<Enforcement> ClusterTemplates { get; } = [];

        /// <summary>The namespaced enforcements whose policy and binding select a namespace with these labels.</summary>
        public List<Enforcement> Selecting(string ns, IReadOnlyDictionary<string, string> labels) =>
            (byNamespace.TryGetValue(ns, out var named) ? named : []).Concat(everywhere).Concat(bySelector.Where(e => e.Selects(labels))).ToList();

        private void Index(Enforcement e)
        {
            var policy = SelectedNamespace(e.Policy.Root.At("spec", "matchConstraints", "namespaceSelector"));
            var binding = SelectedNamespace(e.Binding.Root.At("spec", "matchResources", "namespaceSelector"));
            if (policy is null || binding is null)
            {
                bySelector.Add(e);
            }
            else if (policy.Length == 0 && binding.Length == 0)
            {
                everywhere.Add(e);
            }
            else if (policy.Length == 0 || binding.Length == 0 || policy == binding)
            {
                var ns = policy.Length == 0 ? binding : policy;
                if (!byNamespace.TryGetValue(ns, out var list))
                {
                    byNamespace[ns] = list = [];
                }

                list.Add(e);
            }

            // Two different names select no namespace at all.
        }
    }

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
