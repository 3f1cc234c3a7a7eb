using ArgoSecure.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using VerifyRbac = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.WorkflowsInControllerNamespaceAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

/// <summary>ARGO0002 from raw Pulumi RBAC: a RoleBinding that lets someone create workflows in the controller's namespace.</summary>
[Trait("Rule", "ARGO0002")]
public sealed class ARGO0002PulumiBindingTests
{
    [Fact]
    public Task EditBinding_InTheControllerNamespace_Reports() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                _ = new RoleBinding("devs", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Name = "devs-edit", Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", {|ARGO0002:Name = "edit"|} },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task PulumiOnly_WithoutArgoSecure_Reports() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                _ = new RoleBinding("devs", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", {|ARGO0002:Name = "cluster-admin"|} },
                            Subjects = { new SubjectArgs { Kind = "User", Name = "alice" } },
                        });
                """),
        }.WithPulumiStubs().WithoutArgoSecure().RunAsync();

    [Fact]
    public Task ConstNamespaceAndAggregateRole_Reports() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                const string ns = "argo";
                        _ = new RoleBinding("ci", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = ns },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", {|ARGO0002:Name = "argo-aggregate-to-edit"|} },
                            Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = "ci", Namespace = "ci" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task BindingInAControllerNamespaceSetByArgs_Reports() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                var controller = new ArgoSecure.ArgoControllerArgs { Namespace = "platform-argo" };
                        _ = new RoleBinding("devs", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "platform-argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", {|ARGO0002:Name = "admin"|} },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                        _ = new RoleBinding("old", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "admin" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task OtherNamespaces_OtherRoles_UnknownValues_AndArgoServer_NoDiagnostic() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                _ = new RoleBinding("a", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "team-a" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "edit" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                        _ = new RoleBinding("b", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "view" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                        _ = new RoleBinding("c", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = Get<string>() },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "admin" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                        _ = new RoleBinding("d", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "Role", Name = "edit" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                        _ = new RoleBinding("e", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "admin" },
                            Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = "argo-server" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();
}
