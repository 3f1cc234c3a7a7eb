using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0012: a Pulumi.Kubernetes <c>RoleBinding</c> or <c>ClusterRoleBinding</c> that binds the built-in ClusterRole
/// <c>cluster-admin</c> (or <c>admin</c>, <c>edit</c>) to the argo-server service account.
/// </summary>
internal static class ServerClusterAdminBindingRule
{
    /// <summary>The argo-server service account: <c>argo-server</c> (manifests) or <c>&lt;release&gt;-argo-workflows-server</c> (Helm).</summary>
    internal static bool IsArgoServerAccount(string name)
    {
        var n = name.Trim();
        return string.Equals(n, "argo-server", StringComparison.Ordinal) || n.EndsWith("-argo-server", StringComparison.Ordinal) ||
            n.EndsWith("argo-workflows-server", StringComparison.Ordinal);
    }

    private static bool IsWriteClusterRole(string name) => name.Trim() is "cluster-admin" or "admin" or "edit";

    [MethodImpl(HotPath.Optimized)]
    public static void Analyze(OperationAnalysisContext context, ArgoSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Initializer is null ||
            !(creation.Type.IsOrDerives(symbols.RoleBindingArgs) || creation.Type.IsOrDerives(symbols.ClusterRoleBindingArgs)))
        {
            return;
        }

        IOperation? roleRef = null;
        IOperation? subjects = null;
        foreach (var (property, value, _) in creation.Initializer.PropertyValues())
        {
            if (property.Name == "RoleRef")
            {
                roleRef = value;
            }
            else if (property.Name == "Subjects")
            {
                subjects = value;
            }
        }

        var roleRefInit = roleRef.CreationInitializer();
        if (roleRefInit is null || subjects is null)
        {
            return;
        }

        IOperation? roleName = null;
        string? kind = null;
        foreach (var (property, value, node) in roleRefInit.PropertyValues())
        {
            if (property.Name == "Name" && value.ConstantString() is { } name && IsWriteClusterRole(name))
            {
                roleName = node;
            }
            else if (property.Name == "Kind")
            {
                kind = value.ConstantString();
            }
        }

        if (roleName is null || !string.Equals(kind, "ClusterRole", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var operation in subjects.SelfAndDescendants())
        {
            if (operation is IObjectCreationOperation subject && subject.Type.IsOrDerives(symbols.SubjectArgs) && subject.Initializer is { } init)
            {
                string? subjectKind = null;
                string? subjectName = null;
                foreach (var (property, value, _) in init.PropertyValues())
                {
                    if (property.Name == "Kind")
                    {
                        subjectKind = value.ConstantString();
                    }
                    else if (property.Name == "Name")
                    {
                        subjectName = value.ConstantString();
                    }
                }

                if (subjectKind == "ServiceAccount" && subjectName is not null && IsArgoServerAccount(subjectName))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DoNotOverPrivilegeServerRule.Rule, roleName.Syntax.GetLocation(), "RoleRefArgs.Name"));
                    return;
                }
            }
        }
    }
}
