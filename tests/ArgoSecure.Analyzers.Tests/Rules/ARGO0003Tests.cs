using ArgoSecure.Analyzers.Tests.Verifiers;
using ArgoSecure.CodeFixes;
using VerifyCS = ArgoSecure.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    ArgoSecure.Analyzers.ArgsHardenedValuesAnalyzer,
    ArgoSecure.CodeFixes.UseClientAuthModeCodeFixProvider>;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0003")]
public sealed class ARGO0003DoNotUseServerAuthModeTests
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
    public Task CollectionInitializer_ReportsAndFixes() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("var s = new ArgoServerArgs { AuthModes = { {|ARGO0003:AuthMode.Server|} } };"),
            Wrap("var s = new ArgoServerArgs { AuthModes = { AuthMode.Client } };"));

    [Fact]
    public Task CollectionExpression_ReportsAndFixes() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("var s = new ArgoServerArgs { AuthModes = [AuthMode.Sso, {|ARGO0003:AuthMode.Server|}] };"),
            Wrap("var s = new ArgoServerArgs { AuthModes = [AuthMode.Sso, AuthMode.Client] };"));

    [Fact]
    public Task NewList_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var s = new ArgoServerArgs { AuthModes = new List<AuthMode> { {|ARGO0003:AuthMode.Server|} } };"));

    [Fact]
    public Task Array_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var s = new ArgoServerArgs(); s.AuthModes = new List<AuthMode>(new[] { {|ARGO0003:AuthMode.Server|} });"));

    [Fact]
    public Task AddCall_ReportsAndFixes() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("var s = new ArgoServerArgs();\n        s.AuthModes.Add({|ARGO0003:AuthMode.Server|});"),
            Wrap("var s = new ArgoServerArgs();\n        s.AuthModes.Add(AuthMode.Client);"));

    [Fact]
    public Task NullConditionalAddCall_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("ArgoServerArgs? s = Get<ArgoServerArgs?>(); s?.AuthModes.Add({|ARGO0003:AuthMode.Server|});"));

    [Fact]
    public Task AddCall_InAnExpressionBodiedVoidLambda_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("System.Action<ArgoServerArgs> configure = s => s.AuthModes.Add({|ARGO0003:AuthMode.Server|});"));

    [Fact]
    public Task CollectionInitializer_NestedInAProgramsOwnClass_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap(
            "var h = new Holder { Server = { AuthModes = { {|ARGO0003:AuthMode.Server|} } } };",
            "sealed class Holder { public ArgoServerArgs Server { get; } = new(); }"));

    [Fact]
    public Task ConstLocal_Reports() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("const AuthMode mode = AuthMode.Server; var s = new ArgoServerArgs { AuthModes = { {|ARGO0003:mode|} } };"));

    [Fact]
    public Task ConstField_ReportsAndFixesWithTheEnumMember() =>
        VerifyCS.VerifyCodeFixAsync(
            Wrap("var s = new ArgoServerArgs { AuthModes = [{|ARGO0003:Mode|}] };", "private const AuthMode Mode = AuthMode.Server;"),
            Wrap("var s = new ArgoServerArgs { AuthModes = [AuthMode.Client] };", "private const AuthMode Mode = AuthMode.Server;"));

    [Fact]
    public Task NonConstantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var s = new ArgoServerArgs { AuthModes = { Get<AuthMode>() } }; s.AuthModes = Get<List<AuthMode>>();"));

    [Fact]
    public Task CompliantValue_NoDiagnostic() =>
        VerifyCS.VerifyAnalyzerAsync(Wrap("var s = new ArgoServerArgs { AuthModes = [AuthMode.Client, AuthMode.Sso] }; var other = AuthMode.Server; var same = other == AuthMode.Server;"));

    [Fact]
    public Task LibraryNotReferenced_NoDiagnostic() =>
        new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                enum AuthMode { Client, Sso, Server }
                class ArgoServerArgs { public List<AuthMode> AuthModes { get; set; } = new(); }
                class C { void M() { var s = new ArgoServerArgs { AuthModes = { AuthMode.Server } }; } }
                """,
        }.WithoutArgoSecure().RunAsync();

    [Fact]
    public Task Message_NamesTheProperty() =>
        VerifyCS.VerifyAnalyzerAsync(
            Wrap("var s = new ArgoServerArgs { AuthModes = { {|#0:AuthMode.Server|} } };"),
            VerifyCS.Diagnostic("ARGO0003").WithLocation(0).WithArguments("ArgoServerArgs.AuthModes"));

    [Fact]
    public Task FixAll_TwoOccurrences() =>
        new VerifyCS.Test
        {
            TestCode = Wrap("var a = new ArgoServerArgs { AuthModes = { {|ARGO0003:AuthMode.Server|} } };\n        var b = new ArgoServerArgs { AuthModes = [{|ARGO0003:AuthMode.Server|}] };"),
            FixedCode = Wrap("var a = new ArgoServerArgs { AuthModes = { AuthMode.Client } };\n        var b = new ArgoServerArgs { AuthModes = [AuthMode.Client] };"),
            CodeActionEquivalenceKey = UseClientAuthModeCodeFixProvider.EquivalenceKey,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
}
