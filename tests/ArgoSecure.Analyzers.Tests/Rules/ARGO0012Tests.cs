using ArgoSecure.Analyzers.Tests.Verifiers;
using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using VerifyArgs = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    ArgoSecure.CodeFixes.UseReadOnlyServerAccessCodeFixProvider>;
using VerifyRbac = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0012")]
public sealed class ARGO0012DoNotOverPrivilegeServerTests
{
    // The sources also choose auth mode Server or SSO without RBAC (ARGO0003, ARGO0005): this class is about ARGO0012.
    private static readonly string[] OtherRules = ["ARGO0003", "ARGO0005"];

    private static Task Analyze(string source) =>
        new VerifyArgs.Test { TestCode = source }.WithDisabled(OtherRules).RunAsync();

    private static Task Fix(string source, string fixedSource) =>
        new VerifyArgs.Test { TestCode = source, FixedCode = fixedSource }.WithDisabled(OtherRules).RunAsync();

    private static string Wrap(string body, string members = "") => $$"""
        using System.Collections.Generic;
        using ArgoSecure;

        class C
        {
            {{members}}
            static T Get<T>() => default!;

            void M()
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task ReadWriteWithServerMode_ReportsAndFixes() =>
        Fix(
            Wrap("var s = new ArgoServerArgs { AuthModes = { AuthMode.Server }, {|ARGO0012:AccessLevel = ServerAccessLevel.ReadWrite|} };"),
            Wrap("var s = new ArgoServerArgs { AuthModes = { AuthMode.Server }, AccessLevel = ServerAccessLevel.ReadOnly };"));

    [Fact]
    public Task ReadWriteWithSsoWithoutRbac_Reports() =>
        Analyze(Wrap(
            "var s = new ArgoServerArgs { AuthModes = [AuthMode.Sso], Sso = new SsoArgs { RbacEnabled = false }, {|ARGO0012:AccessLevel = Level|} };",
            "private const ServerAccessLevel Level = ServerAccessLevel.ReadWrite;"));

    [Fact]
    public Task ConstLocal_Reports() =>
        Analyze(Wrap(
            "const ServerAccessLevel level = ServerAccessLevel.ReadWrite; var s = new ArgoServerArgs { AuthModes = new List<AuthMode> { AuthMode.Server }, {|ARGO0012:AccessLevel = level|} };"));

    [Fact]
    public Task NonConstantOrUnknownModes_NoDiagnostic() =>
        Analyze(Wrap("""
            var a = new ArgoServerArgs { AuthModes = { AuthMode.Server }, AccessLevel = Get<ServerAccessLevel>() };
                    var b = new ArgoServerArgs { AuthModes = Get<List<AuthMode>>(), AccessLevel = ServerAccessLevel.ReadWrite };
                    var c = new ArgoServerArgs { AuthModes = [AuthMode.Sso], Sso = Get<SsoArgs>(), AccessLevel = ServerAccessLevel.ReadWrite };
            """));

    [Fact]
    public Task CompliantValue_NoDiagnostic() =>
        Analyze(Wrap("""
            var a = new ArgoServerArgs { AccessLevel = ServerAccessLevel.ReadWrite };
                    var b = new ArgoServerArgs { AuthModes = [AuthMode.Sso], Sso = new SsoArgs { RbacEnabled = true }, AccessLevel = ServerAccessLevel.ReadWrite };
                    var c = new ArgoServerArgs { AuthModes = { AuthMode.Server }, AccessLevel = ServerAccessLevel.ReadOnly };
            """));

    [Fact]
    public Task LibraryNotReferenced_NoDiagnostic() =>
        new VerifyArgs.Test
        {
            TestCode = """
                using System.Collections.Generic;
                enum AuthMode { Client, Sso, Server }
                enum ServerAccessLevel { ReadOnly, ReadWrite }
                class ArgoServerArgs { public List<AuthMode> AuthModes { get; set; } = new(); public ServerAccessLevel AccessLevel { get; set; } }
                class C { void M() { var s = new ArgoServerArgs { AuthModes = { AuthMode.Server }, AccessLevel = ServerAccessLevel.ReadWrite }; } }
                """,
        }.WithoutArgoSecure().RunAsync();

    [Fact]
    public Task FixAll_TwoOccurrences() =>
        new VerifyArgs.Test
        {
            TestCode = Wrap("var a = new ArgoServerArgs { AuthModes = { AuthMode.Server }, {|ARGO0012:AccessLevel = ServerAccessLevel.ReadWrite|} };\n        var b = new ArgoServerArgs { AuthModes = [AuthMode.Server], {|ARGO0012:AccessLevel = ServerAccessLevel.ReadWrite|} };"),
            FixedCode = Wrap("var a = new ArgoServerArgs { AuthModes = { AuthMode.Server }, AccessLevel = ServerAccessLevel.ReadOnly };\n        var b = new ArgoServerArgs { AuthModes = [AuthMode.Server], AccessLevel = ServerAccessLevel.ReadOnly };"),
            CodeActionEquivalenceKey = UseReadOnlyServerAccessCodeFixProvider.EquivalenceKey,
            NumberOfFixAllIterations = 1,
        }.WithDisabled(OtherRules).RunAsync();

    [Fact]
    public Task ClusterAdminBinding_ToArgoServer_Reports() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                _ = new ClusterRoleBinding("argo-server-admin", new ClusterRoleBindingArgs
                        {
                            RoleRef = new RoleRefArgs { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", {|ARGO0012:Name = "cluster-admin"|} },
                            Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = "argo-server", Namespace = "argo" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task EditRoleBinding_ToHelmServerAccount_WithArray_Reports() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                const string role = "edit";
                        _ = new RoleBinding("b", new RoleBindingArgs
                        {
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", {|ARGO0012:Name = role|} },
                            Subjects = new[] { new SubjectArgs { Kind = "ServiceAccount", Name = "wf-argo-workflows-server" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task OtherBindings_NoDiagnostic() =>
        new VerifyRbac.Test
        {
            TestCode = PulumiPrograms.Rbac("""
                _ = new ClusterRoleBinding("a", new ClusterRoleBindingArgs
                        {
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "argo-server-readonly" },
                            Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = "argo-server" } },
                        });
                        _ = new ClusterRoleBinding("b", new ClusterRoleBindingArgs
                        {
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "cluster-admin" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "platform-admins" } },
                        });
                        _ = new ClusterRoleBinding("c", new ClusterRoleBindingArgs
                        {
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = Get<string>() },
                            Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = "argo-server" } },
                        });
                """),
        }.WithPulumiStubs().RunAsync();

    [Fact]
    public Task PulumiNotReferenced_NoDiagnostic() =>
        new VerifyRbac.Test
        {
            TestCode = """
                class RoleRefArgs { public string Kind { get; set; } = ""; public string Name { get; set; } = ""; }
                class SubjectArgs { public string Kind { get; set; } = ""; public string Name { get; set; } = ""; }
                class ClusterRoleBindingArgs { public RoleRefArgs? RoleRef { get; set; } public SubjectArgs[]? Subjects { get; set; } }
                class C { void M() { _ = new ClusterRoleBindingArgs { RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "cluster-admin" }, Subjects = new[] { new SubjectArgs { Kind = "ServiceAccount", Name = "argo-server" } } }; } }
                """,
        }.WithoutArgoSecure().RunAsync();
}
