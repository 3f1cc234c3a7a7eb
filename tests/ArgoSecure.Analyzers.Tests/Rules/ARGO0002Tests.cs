using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.WorkflowsInControllerNamespaceAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0002")]
public sealed class ARGO0002WorkflowsInControllerNamespaceTests
{
    private static string Wrap(string body, string members = "") => $$"""
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
    public Task DefaultControllerNamespace_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""var n = new WorkflowNamespaceArgs { [|Name = "argo"|] };"""));

    [Fact]
    public Task DefaultNamespace_WhenTheControllerNamesAnother_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var install = new ArgoWorkflowsArgs
            {
                Controller = new ArgoControllerArgs { Namespace = "argo-system" },
                WorkflowNamespaces = { new WorkflowNamespaceArgs { Name = "argo" } },
            };
            """));

    [Fact]
    public Task WholeInstallWithTheDefaultController_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var install = new ArgoWorkflowsArgs { WorkflowNamespaces = { new WorkflowNamespaceArgs { [|Name = "argo"|] } } };
            """));

    [Fact]
    public Task OwnControllerNamespace_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""var n = new WorkflowNamespaceArgs { [|Name = "ops"|], ControllerNamespace = "ops" };"""));

    [Fact]
    public Task ControllerNamespaceInAnotherFile_Reports()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("Controller.cs", """
            using ArgoSecure;
            static class Controller
            {
                public static readonly ArgoControllerArgs Args = new() { Namespace = "platform" };
            }
            """));
        test.TestState.Sources.Add(("Namespaces.cs", """
            using System.Collections.Generic;
            using ArgoSecure;
            static class Namespaces
            {
                public static readonly List<WorkflowNamespaceArgs> All = new()
                {
                    new WorkflowNamespaceArgs { Name = "team-a" },
                    new WorkflowNamespaceArgs { [|Name = "platform"|] },
                };
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ConstAndAssignment_Report() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap(
            """
            const string ns = "infra"; var c = new ArgoControllerArgs(); c.Namespace = Ns;
                    var n = new WorkflowNamespaceArgs { [|Name = ns|] };
            """,
            """private const string Ns = "infra";"""));

    [Fact]
    public Task AssignmentToALocal_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var n = new WorkflowNamespaceArgs();
                    [|n.Name = "argo"|];
            """));

    [Fact]
    public Task ControllerMovedInAnExpressionBodiedLambda_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            System.Action<ArgoControllerArgs> move = c => c.Namespace = "platform";
                    var n = new WorkflowNamespaceArgs { [|Name = "platform"|] };
            """));

    [Fact]
    public Task ControllerInAMemberInitializerOfAProgramsOwnClass_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap(
            """
            var h = new Holder
                    {
                        Install = { Controller = { Namespace = "ops" }, WorkflowNamespaces = { new WorkflowNamespaceArgs { [|Name = "ops"|] } } },
                    };
            """,
            "sealed class Holder { public ArgoWorkflowsArgs Install { get; } = new(); }"));

    [Fact]
    public Task AssignmentWithItsOwnControllerNamespace_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var n = new WorkflowNamespaceArgs();
                    n.ControllerNamespace = "platform";
                    n.Name = "argo";
                    var m = new WorkflowNamespaceArgs { ControllerNamespace = "platform" };
                    m.Name = "argo";
                    var p = Get<WorkflowNamespaceArgs>();
                    p.Name = "argo";
            """));

    [Fact]
    public Task NonConstantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var a = new WorkflowNamespaceArgs { Name = Get<string>() };
                    var b = new WorkflowNamespaceArgs { Name = "argo", ControllerNamespace = Get<string>() };
            """));

    [Fact]
    public Task CompliantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var a = new WorkflowNamespaceArgs { Name = "team-a" };
                    var b = new WorkflowNamespaceArgs { Name = "argo", ControllerNamespace = "platform" };
                    var c = new WorkflowNamespaceArgs { Name = "argo", Scope = InstallScope.Namespaced("x") };
            """));

    [Fact]
    public Task Message_NamesTheProperty() =>
        VerifyCS.VerifyAnalyzerAsync(
            Wrap("""var n = new WorkflowNamespaceArgs { {|#0:Name = "argo"|} };"""),
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("WorkflowNamespaceArgs.Name"));

    [Fact]
    public Task LibraryNotReferenced_NoDiagnostic() =>
        new VerifyCS.Test
        {
            TestCode = """
                class WorkflowNamespaceArgs { public string Name { get; set; } = ""; }
                class C { void M() { var n = new WorkflowNamespaceArgs { Name = "argo" }; } }
                """,
        }.WithoutArgoSecure().RunAsync();
}
