using Microsoft.CodeAnalysis.Testing;
using VerifyCS = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0001")]
public sealed class ARGO0001ManagedNamespaceIsControllerNamespaceTests
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
    public Task DefaultNamespace_Literal_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""var c = new ArgoControllerArgs { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} };"""));

    [Fact]
    public Task ExplicitNamespace_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""var c = new ArgoControllerArgs { Namespace = "platform", Scope = {|ARGO0001:InstallScope.Namespaced("platform")|} };"""));

    [Fact]
    public Task DefaultNamespaceConstant_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var c = new ArgoControllerArgs { Scope = {|ARGO0001:InstallScope.Namespaced(ArgoControllerArgs.DefaultNamespace)|} };"));

    [Fact]
    public Task ConstLocalAndField_Report() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap(
            """const string ns = "ops"; var c = new ArgoControllerArgs { Namespace = Ns, Scope = {|ARGO0001:InstallScope.Namespaced(ns)|} };""",
            """private const string Ns = "ops";"""));

    [Fact]
    public Task Server_AndNestedInitializer_Report() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var s = new ArgoServerArgs { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} };
                    var w = new ArgoWorkflowsArgs { Controller = { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} } };
            """));

    [Fact]
    public Task Assignment_ToALocalCreatedWithTheDefaultNamespace_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var c = new ArgoControllerArgs();
                    c.Scope = {|ARGO0001:InstallScope.Namespaced("argo")|};
                    var s = new ArgoServerArgs { Namespace = "ops" };
                    s.Scope = {|ARGO0001:InstallScope.Namespaced("ops")|};
            """));

    [Fact]
    public Task Assignment_WhenTheNamespaceIsNotKnowable_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var c = new ArgoControllerArgs();
                    c.Namespace = Get<string>();
                    c.Scope = InstallScope.Namespaced("argo");
                    var d = Get<ArgoControllerArgs>();
                    d.Scope = InstallScope.Namespaced("argo");
                    var e = new ArgoControllerArgs { Namespace = Get<string>() };
                    e.Scope = InstallScope.Namespaced("argo");
            """));

    [Fact]
    public Task LoneNamespacedWorkflowNamespace_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""var n = new WorkflowNamespaceArgs { {|ARGO0001:Name = "argo"|}, Scope = InstallScope.Namespaced("argo") };"""));

    [Fact]
    public Task NonConstantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var a = new ArgoControllerArgs { Scope = InstallScope.Namespaced(Get<string>()) };
                    var b = new ArgoControllerArgs { Namespace = Get<string>(), Scope = InstallScope.Namespaced("argo") };
                    var c = new ArgoControllerArgs { Scope = Get<InstallScope>() };
            """));

    [Fact]
    public Task CompliantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""
            var a = new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo-workflows") };
                    var b = new ArgoControllerArgs { Namespace = "platform", Scope = InstallScope.Namespaced("argo") };
                    var c = new ArgoControllerArgs { Scope = InstallScope.Cluster };
            """));

    [Fact]
    public Task Message_NamesTheProperty() =>
        VerifyCS.VerifyAnalyzerAsync(
            Wrap("""var c = new ArgoControllerArgs { Scope = {|#0:InstallScope.Namespaced("argo")|} };"""),
            VerifyCS.Diagnostic("ARGO0001").WithLocation(0).WithArguments("ArgoControllerArgs.Scope"));

    [Fact]
    public Task LibraryNotReferenced_NoDiagnostic() =>
        new VerifyCS.Test
        {
            TestCode = """
                class InstallScope { public static InstallScope Namespaced(string ns) => new(); }
                class ArgoControllerArgs { public string Namespace { get; set; } = "argo"; public InstallScope? Scope { get; set; } }
                class C { void M() { var c = new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo") }; } }
                """,
        }.WithoutArgoSecure().RunAsync();
}
