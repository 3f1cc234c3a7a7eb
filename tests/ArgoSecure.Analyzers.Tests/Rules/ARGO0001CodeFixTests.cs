using ArgoSecure.Analyzers.Tests.Verifiers;
using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VerifyFix = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    ArgoSecure.CodeFixes.ManageSeparateNamespaceCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

/// <summary>ARGO0001's fix: the namespace install manages a namespace named after the controller's, which the user checks.</summary>
[Trait("Rule", "ARGO0001")]
public sealed class ARGO0001CodeFixTests
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
    public Task DefaultNamespace_ManagesArgoWorkflows() =>
        VerifyFix.VerifyCodeFixAsync(
            Wrap("""var c = new ArgoControllerArgs { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} };"""),
            Wrap("""var c = new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo-workflows") };"""));

    [Fact]
    public Task ExplicitNamespace_Server_AndAssignment_AreNamedAfterIt() =>
        VerifyFix.VerifyCodeFixAsync(
            Wrap("""
                var s = new ArgoServerArgs { Namespace = "platform", Scope = {|ARGO0001:InstallScope.Namespaced("platform")|} };
                        var c = new ArgoControllerArgs();
                        c.Scope = {|ARGO0001:InstallScope.Namespaced("argo")|};
                """),
            Wrap("""
                var s = new ArgoServerArgs { Namespace = "platform", Scope = InstallScope.Namespaced("platform-workflows") };
                        var c = new ArgoControllerArgs();
                        c.Scope = InstallScope.Namespaced("argo-workflows");
                """));

    [Fact]
    public Task Constant_StaysTheSourceOfTheName() =>
        VerifyFix.VerifyCodeFixAsync(
            Wrap(
                """
                var a = new ArgoControllerArgs { Namespace = Ns, Scope = {|ARGO0001:InstallScope.Namespaced(Ns)|} };
                        var b = new ArgoServerArgs { Scope = {|ARGO0001:InstallScope.Namespaced(ArgoControllerArgs.DefaultNamespace)|} };
                """,
                """private const string Ns = "ops";"""),
            Wrap(
                """
                var a = new ArgoControllerArgs { Namespace = Ns, Scope = InstallScope.Namespaced(Ns + "-workflows") };
                        var b = new ArgoServerArgs { Scope = InstallScope.Namespaced(ArgoControllerArgs.DefaultNamespace + "-workflows") };
                """,
                """private const string Ns = "ops";"""));

    [Fact]
    public Task LoneWorkflowNamespace_MovesItsNameAndItsManagedNamespaceTogether() =>
        VerifyFix.VerifyCodeFixAsync(
            Wrap("""var n = new WorkflowNamespaceArgs { {|ARGO0001:Name = "argo"|}, Scope = InstallScope.Namespaced("argo") };"""),
            Wrap("""var n = new WorkflowNamespaceArgs { Name = "argo-workflows", Scope = InstallScope.Namespaced("argo-workflows") };"""));

    [Fact]
    public Task LoneWorkflowNamespace_WhoseManagedNamespaceIsAnother_NoFix() =>
        VerifyFix.VerifyCodeFixAsync(
            Wrap("""var n = new WorkflowNamespaceArgs { {|ARGO0001:Name = "argo"|}, Scope = InstallScope.Namespaced("team-a") };"""),
            Wrap("""var n = new WorkflowNamespaceArgs { {|ARGO0001:Name = "argo"|}, Scope = InstallScope.Namespaced("team-a") };"""));

    [Fact]
    public Task LongNamespace_IsCutToADnsLabel()
    {
        var ns = new string('n', 60);
        var expected = new string('n', 53) + "-workflows";
        Assert.Equal(63, expected.Length);
        return VerifyFix.VerifyCodeFixAsync(
            Wrap($$"""var c = new ArgoControllerArgs { Namespace = "{{ns}}", Scope = {|ARGO0001:InstallScope.Namespaced("{{ns}}")|} };"""),
            Wrap($$"""var c = new ArgoControllerArgs { Namespace = "{{ns}}", Scope = InstallScope.Namespaced("{{expected}}") };"""));
    }

    [Fact]
    public Task FixAll_GivesTheControllerAndTheServerTheSameManagedNamespace() =>
        new VerifyFix.Test
        {
            TestCode = Wrap("""
                var c = new ArgoControllerArgs { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} };
                        var s = new ArgoServerArgs { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} };
                        var w = new ArgoWorkflowsArgs { Controller = { Scope = {|ARGO0001:InstallScope.Namespaced("argo")|} } };
                """),
            FixedCode = Wrap("""
                var c = new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo-workflows") };
                        var s = new ArgoServerArgs { Scope = InstallScope.Namespaced("argo-workflows") };
                        var w = new ArgoWorkflowsArgs { Controller = { Scope = InstallScope.Namespaced("argo-workflows") } };
                """),
            CodeActionEquivalenceKey = ManageSeparateNamespaceCodeFixProvider.EquivalenceKey,
            NumberOfFixAllIterations = 1,
        }.RunAsync();

    [Theory]
    [InlineData("argo", "argo-workflows")]
    [InlineData("platform", "platform-workflows")]
    [InlineData("a-very-long-namespace-name-that-is-fifty-four-chars-ab", "a-very-long-namespace-name-that-is-fifty-four-chars-a-workflows")]
    public void Derive_IsAValidNamespace(string controllerNamespace, string expected)
    {
        var derived = ManageSeparateNamespaceCodeFixProvider.Derive(controllerNamespace);
        Assert.Equal(expected, derived);
        Assert.True(derived.Length <= 63);
    }

    [Fact]
    public void Derive_NeverEndsTheStemWithAHyphen() =>
        Assert.Equal(new string('x', 52) + "-workflows", ManageSeparateNamespaceCodeFixProvider.Derive(new string('x', 52) + "-abc"));

    [Fact]
    public async Task TheNewName_IsMarkedForTheUserToCheck()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("P", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(TestReferences.Runtime.Add(TestReferences.ArgoSecure));
        var document = project.AddDocument("C.cs", SourceText.From(Wrap("""var c = new ArgoControllerArgs { Namespace = "ops", Scope = InstallScope.Namespaced("ops") };""")));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single(
            await compilation.WithAnalyzers([new ArgsHardenedValuesAnalyzer()]).GetAnalyzerDiagnosticsAsync(),
            d => d.Id == "ARGO0001");

        var actions = new List<CodeAction>();
        var fix = new ManageSeparateNamespaceCodeFixProvider();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        Assert.Equal("Manage a separate namespace, 'ops-workflows' (check the name)", action.Title);

        var operation = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var root = await operation.ChangedSolution.GetDocument(document.Id)!.GetSyntaxRootAsync();
        var marked = Assert.Single(root!.GetAnnotatedNodesAndTokens(WarningAnnotation.Kind));
        Assert.Equal("\"ops-workflows\"", marked.ToString());
        Assert.Contains("'ops-workflows'", WarningAnnotation.GetDescription(marked.GetAnnotations(WarningAnnotation.Kind).Single()), StringComparison.Ordinal);
    }
}
