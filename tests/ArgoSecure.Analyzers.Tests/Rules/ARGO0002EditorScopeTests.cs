using ArgoSecure.Analyzers.Tests.EditorScope;
using ArgoSecure.Analyzers.Tests.Verifiers;

namespace ArgoSecure.Analyzers.Tests.Rules;

/// <summary>
/// ARGO0002 in the editor: shown while typing wherever one code block decides it (the workflow namespace and the
/// controller's namespace in one object graph or method), left to the build where only the whole compilation can;
/// never reported twice.
/// </summary>
[Trait("Rule", "ARGO0002")]
public sealed class ARGO0002EditorScopeTests
{
    private const string WorkflowNamespaceArgo = """ARGO0002 Install.cs: Name = "argo" """;
    private const string WorkflowNamespacePlatform = """ARGO0002 Install.cs: Name = "platform" """;

    private static string Method(string body, string members = "") => $$"""
        using ArgoSecure;

        class Install
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
    public Task WholeInstallLeavingTheControllerAtItsDefault_ShownLive() =>
        AssertAsync(
            [("Install.cs", Method("""var install = new ArgoWorkflowsArgs { WorkflowNamespaces = { new WorkflowNamespaceArgs { Name = "argo" } } };"""))],
            live: [WorkflowNamespaceArgo],
            build: [WorkflowNamespaceArgo]);

    [Fact]
    public Task ControllerNamespaceOfTheSameInstall_ShownLive() =>
        AssertAsync(
            [("Install.cs", Method("""
                var a = new ArgoWorkflowsArgs
                {
                    Controller = new ArgoControllerArgs { Namespace = "platform" },
                    WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }, new() { Name = "platform" }],
                };
                var b = new ArgoWorkflowsArgs { Controller = { Namespace = "ops" }, WorkflowNamespaces = { new() { Name = "ops" } } };
                """))],
            live: [WorkflowNamespacePlatform, """ARGO0002 Install.cs: Name = "ops" """],
            build: [WorkflowNamespacePlatform, """ARGO0002 Install.cs: Name = "ops" """]);

    [Fact]
    public Task OwnControllerNamespace_InTheInitializerOrAssignedToTheLocal_ShownLive() =>
        AssertAsync(
            [("Install.cs", Method("""
                var a = new WorkflowNamespaceArgs { Name = "ops", ControllerNamespace = "ops" };
                var b = new WorkflowNamespaceArgs { ControllerNamespace = "infra" };
                b.Name = "infra";
                var c = new WorkflowNamespaceArgs { Name = "platform" };
                c.ControllerNamespace = "platform";
                var d = new WorkflowNamespaceArgs { Name = "argo" };
                d.ControllerNamespace = "platform";
                """))],
            live: ["""ARGO0002 Install.cs: Name = "ops" """, """ARGO0002 Install.cs: b.Name = "infra" """, WorkflowNamespacePlatform],
            build: ["""ARGO0002 Install.cs: Name = "ops" """, """ARGO0002 Install.cs: b.Name = "infra" """, WorkflowNamespacePlatform]);

    [Fact]
    public Task AssignmentsToLocalsOfOneMethod_ShownLive() =>
        AssertAsync(
            [("Install.cs", Method("""
                var install = new ArgoWorkflowsArgs { Controller = new ArgoControllerArgs { Namespace = "argo-system" } };
                install.Controller.Namespace = "platform";
                install.WorkflowNamespaces.Add(new WorkflowNamespaceArgs { Name = "platform" });
                var controller = new ArgoControllerArgs { Namespace = "ops" };
                var other = new ArgoWorkflowsArgs { Controller = controller };
                var team = new WorkflowNamespaceArgs();
                team.Name = "ops";
                other.WorkflowNamespaces.Add(team);
                """))],
            live: [WorkflowNamespacePlatform, """ARGO0002 Install.cs: team.Name = "ops" """],
            build: [WorkflowNamespacePlatform, """ARGO0002 Install.cs: team.Name = "ops" """]);

    [Fact]
    public Task ConstantsAndReadonlyFields_ShownLive() =>
        AssertAsync(
            [("Install.cs", Method(
                """
                var install = new ArgoWorkflowsArgs
                {
                    Controller = new ArgoControllerArgs { Namespace = ControllerNamespace },
                    WorkflowNamespaces = { new WorkflowNamespaceArgs { Name = Platform }, new() { Name = Prefix + "-system" } },
                };
                """,
                """
                private const string Platform = "platform";
                private const string Prefix = "platform";
                private static readonly string ControllerNamespace = "platform";
                """))],
            live: ["ARGO0002 Install.cs: Name = Platform"],
            build: ["ARGO0002 Install.cs: Name = Platform"]);

    [Fact]
    public Task ReadonlyFieldsTheConstructorSets_NotKnown() =>
        AssertAsync(
            [("Install.cs", """
                using ArgoSecure;

                class Install
                {
                    private readonly string _controllerNamespace = "platform";
                    private static readonly string Team = "platform";
                    private static readonly string Derived = Team + "-x";

                    Install(string ns) => _controllerNamespace = ns;

                    void M()
                    {
                        var a = new WorkflowNamespaceArgs { Name = "platform", ControllerNamespace = _controllerNamespace };
                        var b = new WorkflowNamespaceArgs { Name = Derived, ControllerNamespace = "platform-x" };
                        var c = new ArgoWorkflowsArgs { Controller = { Namespace = "ops" }, WorkflowNamespaces = { new() { Name = Team } } };
                    }
                }
                """)],
            live: [],
            build: []);

    [Fact]
    public Task ControllerInAnotherFile_ReportedAtBuildOnly_Once() =>
        AssertAsync(
            [
                ("Controller.cs", """
                    using ArgoSecure;
                    static class Controller
                    {
                        public static readonly ArgoControllerArgs Args = new() { Namespace = "platform" };
                    }
                    """),
                ("Install.cs", Method("""var team = new WorkflowNamespaceArgs { Name = "platform" };""")),
            ],
            live: [],
            build: [WorkflowNamespacePlatform]);

    [Fact]
    public Task ControllerInAnotherMemberOfTheSameFile_ReportedAtBuildOnly() =>
        AssertAsync(
            [("Install.cs", Method(
                """var team = new WorkflowNamespaceArgs { Name = "platform" };""",
                """private static readonly ArgoControllerArgs Controller = new() { Namespace = "platform" };"""))],
            live: [],
            build: [WorkflowNamespacePlatform]);

    [Fact]
    public Task TeamStackWithNoControllerAnywhere_ReportedAtBuildOnly() =>
        AssertAsync(
            [("Install.cs", Method("""var team = new WorkflowNamespaceArgs { Name = "argo" };"""))],
            live: [],
            build: [WorkflowNamespaceArgo]);

    [Fact]
    public Task AnotherNamespaceThanTheInstallsController_NotShownLive_AndAtBuildOnlyWhereAnotherControllerIsThere()
    {
        var install = Method("""
            var install = new ArgoWorkflowsArgs
            {
                Controller = new ArgoControllerArgs { Namespace = "platform" },
                WorkflowNamespaces = { new WorkflowNamespaceArgs { Name = "argo" } },
            };
            """);
        return Task.WhenAll(
            AssertAsync([("Install.cs", install)], live: [], build: []),
            AssertAsync(
                [("Install.cs", install), ("Legacy.cs", "class Legacy { object Old = new ArgoSecure.ArgoControllerArgs(); }")],
                live: [],
                build: [WorkflowNamespaceArgo]));
    }

    [Fact]
    public Task RoleBindingInTheNamespaceOfAControllerOfTheSameMethod_ShownLive()
    {
        const string Binding = """ARGO0002 Install.cs: Name = "edit" """;
        return AssertAsync(
            [("Install.cs", PulumiPrograms.Rbac("""
                var install = new ArgoSecure.ArgoWorkflowsArgs { WorkflowNamespaces = { new() { Name = "team-a" } } };
                        _ = new RoleBinding("devs", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "edit" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                """))],
            live: [Binding],
            build: [Binding]);
    }

    [Fact]
    public Task RoleBindingAlone_ReportedAtBuildOnly() =>
        AssertAsync(
            [("Install.cs", PulumiPrograms.Rbac("""
                _ = new RoleBinding("devs", new RoleBindingArgs
                        {
                            Metadata = new ObjectMetaArgs { Namespace = "argo" },
                            RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "admin" },
                            Subjects = { new SubjectArgs { Kind = "Group", Name = "developers" } },
                        });
                """))],
            live: [],
            build: ["""ARGO0002 Install.cs: Name = "admin" """]);

    private static async Task AssertAsync((string Path, string Source)[] documents, string[] live, string[] build)
    {
        var compilation = EditorAnalysis.Compile(documents);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var shown = await EditorAnalysis.LiveAsync(compilation, EditorAnalysis.UserDocuments(compilation));
        var built = await EditorAnalysis.BuildAsync(compilation);
        EditorAnalysis.AssertAgree(shown, built);
        Assert.Equal(Sorted(live), Sorted(shown.Where(d => d.Id == "ARGO0002").Select(EditorAnalysis.Describe)));
        Assert.Equal(Sorted(build), Sorted(built.Where(d => d.Id == "ARGO0002").Select(EditorAnalysis.Describe)));
    }

    private static List<string> Sorted(IEnumerable<string> items) => items.Select(i => i.Trim()).Order(StringComparer.Ordinal).ToList();
}
