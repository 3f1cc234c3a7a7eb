using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Creates Roles, ClusterRoles and their bindings.</summary>
internal static class Rbac
{
    public static V1Role Role(string name, string @namespace, string component, RbacRuleSet rules)
    {
        var role = KubeObjects.Create<V1Role>(name, @namespace, Labels.Common(component));
        role.Rules = rules.ToRules();
        return role;
    }

    public static V1ClusterRole ClusterRole(string name, string component, RbacRuleSet rules)
    {
        var role = KubeObjects.Create<V1ClusterRole>(name, null, Labels.Common(component));
        role.Rules = rules.ToRules();
        return role;
    }

    public static V1RoleBinding RoleBinding(string name, string @namespace, string component, string roleKind, string roleName, IEnumerable<Rbacv1Subject> subjects)
    {
        var binding = KubeObjects.Create<V1RoleBinding>(name, @namespace, Labels.Common(component));
        binding.RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = roleKind, Name = roleName };
        binding.Subjects = subjects.ToList();
        return binding;
    }

    public static V1ClusterRoleBinding ClusterRoleBinding(string name, string component, string roleName, IEnumerable<Rbacv1Subject> subjects)
    {
        var binding = KubeObjects.Create<V1ClusterRoleBinding>(name, null, Labels.Common(component));
        binding.RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = roleName };
        binding.Subjects = subjects.ToList();
        return binding;
    }

    public static Rbacv1Subject ServiceAccount(string @namespace, string name) =>
        new() { Kind = "ServiceAccount", Name = name, NamespaceProperty = @namespace };

    public static Rbacv1Subject Subject(RbacSubject subject) => subject.Kind switch
    {
        SubjectKind.ServiceAccount => ServiceAccount(subject.Namespace!, subject.Name),
        SubjectKind.User => new Rbacv1Subject { Kind = "User", Name = subject.Name, ApiGroup = "rbac.authorization.k8s.io" },
        _ => new Rbacv1Subject { Kind = "Group", Name = subject.Name, ApiGroup = "rbac.authorization.k8s.io" },
    };
}
