using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0002 (reported by <see cref="WorkflowsInControllerNamespaceAnalyzer"/>): a Pulumi.Kubernetes <c>RoleBinding</c>
/// in a controller's namespace (the default <c>argo</c>, or one the code block or the compilation sets) that binds a
/// ClusterRole able to create workflows there (<c>cluster-admin</c>, <c>admin</c>, <c>edit</c>, or upstream's
/// <c>argo-aggregate-to-admin</c> / <c>argo-aggregate-to-edit</c>). A binding of argo-server is ARGO0012's business.
/// </summary>
internal static class ControllerNamespaceWriteBindingRule
{
    private static bool GrantsWorkflowCreate(string name) =>
        name.Trim() is "cluster-admin" or "admin" or "edit" or "argo-aggregate-to-admin" or "argo-aggregate-to-edit";

    /// <summary>
    /// The namespace of a RoleBinding that grants workflow create to someone other than argo-server, and where to
    /// report it; whether that namespace is a controller's is decided by the analyzer.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool TryGetCandidate(IObjectCreationOperation creation, ArgoSymbols symbols, out string bindingNamespace, out Location location)
    {
        bindingNamespace = "";
        location = Location.None;
        if (creation.Initializer is null || !creation.Type.IsOrDerives(symbols.RoleBindingArgs))
        {
            return false;
        }

        string? ns = null;
        IOperation? roleName = null;
        string? roleKind = null;
        IOperation? subjects = null;
        foreach (var (property, value, _) in creation.Initializer.PropertyValues())
        {
            if (property.Name == "Metadata" && value.CreationInitializer() is { } metadata)
            {
                foreach (var (metaProperty, metaValue, _) in metadata.PropertyValues())
                {
                    if (metaProperty.Name == "Namespace")
                    {
                        ns = metaValue.KnownString();
                    }
                }
            }
            else if (property.Name == "RoleRef" && value.CreationInitializer() is { } roleRef)
            {
                foreach (var (refProperty, refValue, node) in roleRef.PropertyValues())
                {
                    if (refProperty.Name == "Name" && refValue.ConstantString() is { } name && GrantsWorkflowCreate(name))
                    {
                        roleName = node;
                    }
                    else if (refProperty.Name == "Kind")
                    {
                        roleKind = refValue.ConstantString();
                    }
                }
            }
            else if (property.Name == "Subjects")
            {
                subjects = value;
            }
        }

        // A binding of argo-server is ARGO0012's business (its subjects are read last: a walk).
        if (ns is null || roleName is null || !string.Equals(roleKind, "ClusterRole", System.StringComparison.Ordinal) ||
            (subjects is not null && BindsArgoServer(subjects, symbols)))
        {
            return false;
        }

        bindingNamespace = ns;
        location = roleName.Syntax.GetLocation();
        return true;
    }

    private static bool BindsArgoServer(IOperation subjects, ArgoSymbols symbols)
    {
        foreach (var operation in subjects.SelfAndDescendants())
        {
            if (operation is IObjectCreationOperation subject && subject.Type.IsOrDerives(symbols.SubjectArgs) && subject.Initializer is { } init)
            {
                foreach (var (property, value, _) in init.PropertyValues())
                {
                    if (property.Name == "Name" && value.ConstantString() is { } name && ServerClusterAdminBindingRule.IsArgoServerAccount(name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
