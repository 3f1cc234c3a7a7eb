using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Checks of RBAC: aggregation and grants that let workflows run in the controller's namespace, and the server's role.</summary>
internal static class RbacChecks
{
    private static readonly string[] WorkflowResources = ["workflows", "cronworkflows"];
    private static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection", "*"];
    private static readonly string[] ReadVerbs = ["get", "list", "watch", "*"];
    private static readonly string[] CreateVerbs = ["create", "*"];
    private static readonly string[] AnyVerb = ["*", "get", "create", "list", "watch", "update", "patch", "delete"];
    private static readonly string[] AggregatedRoles = ["edit", "admin"];
    private static readonly string[] Secrets = ["secrets"];
    private static readonly string[] PodsExec = ["pods/exec"];
    private static readonly string[] ServerWritable = ["workflows", "workflowtemplates", "cronworkflows", "clusterworkflowtemplates", "*"];

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var clusterInstall = !install.IsNamespaced;

        foreach (var role in install.OfKind("ClusterRole"))
        {
            // An aggregated role's rules are copies of the roles it selects (the built-in edit and admin on a live
            // cluster): the roles that bring the rule in are blamed, not the role that collects it.
            if (IsAggregated(role) || !clusterInstall || Grants(role, "argoproj.io", WorkflowResources, CreateVerbs) is not { } rule)
            {
                continue;
            }

            var labels = role.Labels;
            var aggregatesTo = AggregatedRoles.Where(r => labels.TryGetValue($"rbac.authorization.k8s.io/aggregate-to-{r}", out var v) && v == "true").ToList();
            if (aggregatesTo.Count > 0)
            {
                var labelsFound = string.Join(", ", aggregatesTo.Select(r => $"rbac.authorization.k8s.io/aggregate-to-{r}: \"{labels[$"rbac.authorization.k8s.io/aggregate-to-{r}"]}\""));
                context.Report(RuleCatalog.WorkflowsInControllerNamespace, role, rule,
                    $"ClusterRole '{role.Name}' grants {Verbs(rule)} on workflows and has the label {labelsFound}, so it adds them to the built-in '{string.Join("', '", aggregatesTo)}' role: every namespace editor, including in the controller's namespace, can run workflows. Remove the aggregate-to label and grant submitters explicitly in workflow namespaces.");
            }
            else if (install.Input.Derived(Aggregators.Of).Reaching(role) is { } via)
            {
                context.Report(RuleCatalog.WorkflowsInControllerNamespace, role, rule,
                    $"ClusterRole '{role.Name}' grants {Verbs(rule)} on workflows and its labels are selected by the aggregationRule of ClusterRole '{via.Aggregator}', which is aggregated into the built-in '{via.BuiltIn}' role: every namespace editor, including in the controller's namespace, can run workflows. Change the labels so that no role aggregated into '{via.BuiltIn}' selects it, and grant submitters explicitly in workflow namespaces.");
            }
        }

        if (clusterInstall && install.ControllerNamespace is { } controllerNamespace)
        {
            var argoAccounts = install.Controllers.Concat(install.Servers).Select(c => c.ServiceAccountName).ToHashSet(StringComparer.Ordinal);
            foreach (var binding in install.OfKind("RoleBinding").Where(b => b.Namespace == controllerNamespace))
            {
                var role = install.Input.RoleOf(binding);
                if (role is not null && Grants(role, "argoproj.io", WorkflowResources, CreateVerbs) is not null)
                {
                    var subjects = OtherSubjects(argoAccounts, binding);
                    if (subjects.Count > 0)
                    {
                        context.Report(RuleCatalog.WorkflowsInControllerNamespace, binding, binding.Root["subjects"],
                            $"RoleBinding '{binding.Name}' lets {string.Join(", ", subjects)} create workflows in '{controllerNamespace}', the controller's namespace. Bind submitters in workflow namespaces only.");
                    }
                }
            }
        }

        foreach (var server in install.Servers)
        {
            CheckServerRoles(context, server);
        }
    }

    /// <summary>
    /// ARGO0012, once per role bound to the server's account (by one binding or several). The message names the role, what
    /// it grants and the account, not the binding, so that a ClusterRole several installs' servers share is one finding.
    /// </summary>
    private static void CheckServerRoles(AuditContext context, ArgoComponent server)
    {
        var install = context.Installation;
        var actsForCallers = ComponentChecks.ActsForCallers(install, server);
        var roles = new Dictionary<KubeObject, bool>();
        foreach (var binding in install.Input.BindingsOf(server.ServiceAccountName, server.Namespace))
        {
            if (install.Input.RoleOf(binding) is { } role)
            {
                roles[role] = roles.GetValueOrDefault(role) || binding.Kind == "ClusterRoleBinding";
            }
        }

        foreach (var (role, clusterWide) in roles)
        {
            var problems = new List<string>();
            YNode? at = null;
            if (clusterWide && Grants(role, "", Secrets, ReadVerbs, unnamedOnly: true) is { } secrets)
            {
                problems.Add($"reads every Secret of the cluster ({Verbs(secrets)} on secrets)");
                at ??= secrets;
            }

            if (Grants(role, "", PodsExec, AnyVerb) is { } exec)
            {
                problems.Add($"has pods/exec ({Verbs(exec)}; a shell in any pod it can reach)");
                at ??= exec;
            }

            if (actsForCallers && Grants(role, "argoproj.io", ServerWritable, WriteVerbs) is { } write)
            {
                problems.Add($"has write verbs on workflow objects ({Verbs(write)}) while it acts for its callers");
                at ??= write;
            }

            if (problems.Count > 0)
            {
                var by = clusterWide ? "a ClusterRoleBinding" : "a RoleBinding";
                context.Report(RuleCatalog.ServerOverPrivileged, role, at,
                    $"{role.Kind} '{role.Name}', bound to argo-server's service account '{server.ServiceAccountName}' by {by}, {string.Join(" and ", problems)}. Grant read-only access to workflow objects, Secrets by name only, and no pods/exec.");
            }
        }
    }

    /// <summary>
    /// True for a ClusterRole whose rules the cluster fills from the roles its aggregationRule selects, such as the
    /// built-in edit and admin (<c>kubernetes.io/bootstrapping: rbac-defaults</c>) in <c>kubectl get</c> output.
    /// </summary>
    private static bool IsAggregated(KubeObject role) => role.Root["aggregationRule"] is not null;

    private static string Verbs(YNode rule) => string.Join(", ", rule.Items("verbs").Select(v => v.Text));

    private static List<string> OtherSubjects(HashSet<string> argoAccounts, KubeObject binding) =>
        binding.Root.Items("subjects")
            .Where(s => !(s.TextAt("kind") == "ServiceAccount" && argoAccounts.Contains(s.TextAt("name") ?? "")))
            .Select(s => $"{s.TextAt("kind")} '{s.TextAt("name")}'")
            .ToList();

    /// <summary>The first rule of a role that grants one of the verbs on one of the resources of the group, or null.</summary>
    public static YNode? Grants(KubeObject role, string group, string[] resources, string[] verbs, bool unnamedOnly = false)
    {
        foreach (var rule in role.Root.Items("rules"))
        {
            var groups = rule.Items("apiGroups").Select(g => g.Text ?? "").ToList();
            var ruleResources = rule.Items("resources").Select(r => r.Text ?? "").ToList();
            var ruleVerbs = rule.Items("verbs").Select(v => v.Text ?? "").ToList();
            if ((groups.Contains(group) || groups.Contains("*")) &&
                ruleResources.Any(r => r == "*" || resources.Contains(r)) &&
                ruleVerbs.Any(v => verbs.Contains(v) || v == "*") &&
                (!unnamedOnly || rule.Items("resourceNames").Count == 0))
            {
                return rule;
            }
        }

        return null;
    }
}

/// <summary>
/// The ClusterRoles of an input that aggregate others (an <c>aggregationRule</c>), and which built-in role (edit,
/// admin) each one ends up in: built from the whole input once, shared by every install.
/// </summary>
internal sealed class Aggregators
{
    private readonly List<(KubeObject Role, string? BuiltIn)> aggregators = [];

    private Aggregators(ObjectIndex input)
    {
        var all = input.OfKind("ClusterRole").Where(r => r.Root["aggregationRule"] is not null).ToList();
        foreach (var role in all)
        {
            aggregators.Add((role, BuiltInOf(role, all, [])));
        }
    }

    public static Aggregators Of(ObjectIndex input) => new(input);

    /// <summary>The first aggregator that selects the role and ends up in edit or admin, or null.</summary>
    public (string Aggregator, string BuiltIn)? Reaching(KubeObject role)
    {
        var labels = role.Labels;
        foreach (var (aggregator, builtIn) in aggregators)
        {
            if (builtIn is not null && !ReferenceEquals(aggregator, role) && Selects(aggregator, labels))
            {
                return (aggregator.Name, builtIn);
            }
        }

        return null;
    }

    // edit and admin themselves; else the built-in role an aggregator's own labels bring it into (directly, or through
    // another aggregator; a cycle ends nowhere).
    private static string? BuiltInOf(KubeObject role, List<KubeObject> all, HashSet<KubeObject> seen)
    {
        if (role.Name is "edit" or "admin")
        {
            return role.Name;
        }

        if (!seen.Add(role))
        {
            return null;
        }

        var labels = role.Labels;
        foreach (var builtIn in new[] { "edit", "admin" })
        {
            if (labels.TryGetValue($"rbac.authorization.k8s.io/aggregate-to-{builtIn}", out var value) && value == "true")
            {
                return builtIn;
            }
        }

        return all.Where(a => !ReferenceEquals(a, role) && Selects(a, labels)).Select(a => BuiltInOf(a, all, seen)).FirstOrDefault(b => b is not null);
    }

    private static bool Selects(KubeObject aggregator, IReadOnlyDictionary<string, string> labels) =>
        aggregator.Root.At("aggregationRule", "clusterRoleSelectors")?.Items.Any(s => s is YMap { Entries.Count: > 0 } && NetworkPolicyChecks.SelectorMatches(s, labels)) == true;
}
