using ArgoSecure.CodeFixes;
using VerifyCS = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    ArgoSecure.CodeFixes.RemoveSensitiveOverrideFieldCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0015")]
public sealed class ARGO0015DoNotReopenSensitiveFieldsTests
{
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
    public Task Literal_InCollectionInitializer_ReportsAndFixes() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = { "arguments", {|ARGO0015:"podSpecPatch"|} } };"""),
            Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = { "arguments" } };"""));

    [Fact]
    public Task CollectionExpression_ReportsAndFixes() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = [{|ARGO0015:"volumes"|}, "priority"] };"""),
            Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = ["priority"] };"""));

    [Fact]
    public Task ConstField_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var c = new ArgoControllerArgs(); c.UserOverrideAllowlist = new List<string> { {|ARGO0015:Field|} };", """private const string Field = "serviceAccountName";"""));

    [Fact]
    public Task ConstLocal_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""const string field = "hostNetwork"; var c = new ArgoControllerArgs { UserOverrideAllowlist = { {|ARGO0015:field|} } };"""));

    [Fact]
    public Task AddCall_ReportsAndFixes() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("var c = new ArgoControllerArgs();\n        c.UserOverrideAllowlist.Add({|ARGO0015:\"securityContext\"|});"),
            Wrap("var c = new ArgoControllerArgs();"));

    [Fact]
    public Task NonConstantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var c = new ArgoControllerArgs { UserOverrideAllowlist = { Get<string>() } };"));

    [Fact]
    public Task CompliantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = ["arguments", "priority", "ttlStrategy"] };"""));

    [Fact]
    public Task LibraryNotReferenced_NoDiagnostic() =>
        new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                class ArgoControllerArgs { public List<string> UserOverrideAllowlist { get; set; } = new(); }
                class C { void M() { var c = new ArgoControllerArgs { UserOverrideAllowlist = { "podSpecPatch" } }; } }
                """,
        }.WithoutArgoSecure().RunAsync();

    [Fact]
    public Task FixAll_TwoOccurrences() =>
        new VerifyCS.Test
        {
            TestCode = Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = { {|ARGO0015:"podSpecPatch"|}, "arguments", {|ARGO0015:"volumes"|} } };"""),
            FixedCode = Wrap("""var c = new ArgoControllerArgs { UserOverrideAllowlist = { "arguments" } };"""),
            CodeActionEquivalenceKey = RemoveSensitiveOverrideFieldCodeFixProvider.EquivalenceKey,
            NumberOfFixAllIterations = 1,
        }.RunAsync();

    [Fact]
    public void SensitiveFields_EqualTheValidators() =>
        Assert.Equal(ArgoSecure.Validation.ArgsValidator.SensitiveOverrideFields, ReadAnalyzerList());

    private static string[] ReadAnalyzerList() =>
        (string[])typeof(ArgsHardenedValuesAnalyzer).Assembly.GetType("ArgoSecure.Analyzers.DoNotReopenSensitiveFieldsRule", throwOnError: true)!
            .GetField("SensitiveOverrideFields", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(null)!;
}
