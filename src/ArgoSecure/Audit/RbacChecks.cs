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
            var labels = role.Labels;
            var aggregatesTo = AggregatedRoles.Where(r => labels.TryGetValue($"rbac.authorization.k8s.io/aggregate-to-{r}", out var v) && v == "true").ToList();
            if (clusterInstall && aggregatesTo.Count > 0 && Grants(role, "argoproj.io", WorkflowResources, CreateVerbs) is { } rule)
            {
                var labelsFound = string.Join(", ", aggregatesTo.Select(r => $"rbac.authorization.k8s.io/aggregate-to-{r}: \"{labels[$"rbac.authorization.k8s.io/aggregate-to-{r}"]}\""));
                context.Report(RuleCatalog.WorkflowsInControllerNamespace, role, rule,
                    $"ClusterRole '{role.Name}' grants {Verbs(rule)} on workflows and has the label {labelsFound}, so it adds them to the built-in '{string.Join("', '", aggregatesTo)}' role: every namespace editor, including in the controller's namespace, can run workflows. Remove the aggregate-to label and grant submitters explicitly in workflow namespaces.");
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
