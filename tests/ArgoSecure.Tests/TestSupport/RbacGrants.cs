using k8s.Models;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>One permission a subject holds: in a namespace ("*" for cluster-wide), on a resource, for a verb.</summary>
public sealed record Grant(string Subject, string Namespace, string Group, string Resource, string Verb, string? ResourceName)
{
    public override string ToString() =>
        $"{Subject} may {Verb} {(Group.Length == 0 ? "" : Group + "/")}{Resource}{(ResourceName is null ? "" : $"[{ResourceName}]")} in {(Namespace == "*" ? "all namespaces" : Namespace)}";
}

/// <summary>Resolves the rendered bindings to the permissions each subject ends up with.</summary>
public static class RbacGrants
{
    public static List<Grant> Resolve(Manifests manifests)
    {
        var roles = manifests.Roles.ToDictionary(r => (r.Metadata.NamespaceProperty, r.Metadata.Name), r => r.Rules ?? []);
        var clusterRoles = manifests.ClusterRoles.ToDictionary(r => r.Metadata.Name, r => r.Rules ?? []);
        var grants = new List<Grant>();

        foreach (var binding in manifests.RoleBindings)
        {
            var ns = binding.Metadata.NamespaceProperty;
            var rules = binding.RoleRef.Kind == "Role" ? roles[(ns, binding.RoleRef.Name)] : clusterRoles[binding.RoleRef.Name];
            grants.AddRange(Expand(binding.Subjects, ns, rules));
        }

        foreach (var binding in manifests.ClusterRoleBindings)
        {
            grants.AddRange(Expand(binding.Subjects, "*", clusterRoles[binding.RoleRef.Name]));
        }

        return grants;
    }

    public static IEnumerable<V1PolicyRule> AllRules(Manifests manifests) =>
        manifests.Roles.SelectMany(r => r.Rules ?? []).Concat(manifests.ClusterRoles.SelectMany(r => r.Rules ?? []));

    public static string SubjectName(Rbacv1Subject subject) =>
        subject.Kind == "ServiceAccount" ? $"ServiceAccount {subject.NamespaceProperty}/{subject.Name}" : $"{subject.Kind} {subject.Name}";

    private static IEnumerable<Grant> Expand(IEnumerable<Rbacv1Subject> subjects, string ns, IEnumerable<V1PolicyRule> rules) =>
        from subject in subjects
        from rule in rules
        from grant in Expand(SubjectName(subject), ns, rule)
        select grant;

    public static IEnumerable<Grant> Expand(string subject, string ns, V1PolicyRule rule) =>
        from g in rule.ApiGroups
        from r in rule.Resources
        from v in rule.Verbs
        from n in rule.ResourceNames is { Count: > 0 } names ? names.Select(x => (string?)x) : [null]
        select new Grant(subject, ns, g, r, v, n);
}
