using System.Diagnostics.CodeAnalysis;
using ArgoSecure.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

/// <summary>
/// The CA5365 matrix for a rule of the shape "constant that turns off a hardened default, assigned to an Args
/// property": literal, const local, const field, initializer, assignment, non-constant, compliant, library
/// not referenced, message, and Fix All over two occurrences. Each rule's class says which property and values.
/// </summary>
public abstract class PropertyRuleTests<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The rule, for example <c>ARGO0004</c>.</summary>
    protected abstract string RuleId { get; }

    /// <summary>The Args type, for example <c>ServerTlsArgs</c>.</summary>
    protected abstract string TypeName { get; }

    /// <summary>The property, for example <c>Enabled</c>.</summary>
    protected abstract string Property { get; }

    /// <summary>The C# type of the property, for example <c>bool</c>.</summary>
    protected abstract string ValueType { get; }

    /// <summary>An insecure constant, for example <c>false</c>.</summary>
    protected abstract string Insecure { get; }

    /// <summary>A compliant constant, for example <c>true</c>.</summary>
    protected abstract string Secure { get; }

    /// <summary>What the fix writes for <c>P = insecure</c>; null when the fix removes the assignment; ignored without a fix.</summary>
    protected abstract string? Fixed { get; }

    /// <summary>False for a rule without a code fix.</summary>
    protected virtual bool HasFix => true;

    /// <summary>Look-alike declarations that stand in for ArgoSecure when it is not referenced.</summary>
    protected virtual string LookalikeDeclarations => $"public class {TypeName} {{ public {ValueType} {Property} {{ get; set; }} }}";

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

    private string Init(string value) => $"new {TypeName} {{ {Property} = {value} }}";

    [Fact]
    public async Task Literal_InInitializer_ReportsAndFixes()
    {
        var source = Wrap($"var x = new {TypeName} {{ {{|{RuleId}:{Property} = {Insecure}|}} }};");
        if (!HasFix)
        {
            await CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(source);
            return;
        }

        var fixedSource = Fixed is null
            ? Wrap($"var x = new {TypeName} {{ }};")
            : Wrap($"var x = new {TypeName} {{ {Property} = {Fixed} }};");
        await CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public Task ConstLocal_Reports() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"const {ValueType} value = {Insecure}; var x = new {TypeName} {{ {{|{RuleId}:{Property} = value|}} }};"));

    [Fact]
    public Task ConstField_Reports() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"var x = new {TypeName}(); {{|{RuleId}:x.{Property} = Value|}};", $"private const {ValueType} Value = {Insecure};"));

    [Fact]
    public async Task Assignment_ReportsAndFixes()
    {
        var source = Wrap($"var x = new {TypeName}();\n        {{|{RuleId}:x.{Property} = {Insecure}|}};");
        if (!HasFix)
        {
            await CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(source);
            return;
        }

        var fixedSource = Fixed is null
            ? Wrap($"var x = new {TypeName}();")
            : Wrap($"var x = new {TypeName}();\n        x.{Property} = {Fixed};");
        await CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyCodeFixAsync(source, fixedSource);
    }

    // Writes are read from initializers and from the top of statements (WriteSites): each place they reach the rule from.

    [Fact]
    public Task MemberInitializer_OfAProgramsOwnClass_Reports() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"var h = new Holder {{ Inner = {{ {{|{RuleId}:{Property} = {Insecure}|}} }} }};", Holder));

    [Fact]
    public Task MemberInitializer_OfATypeParameterCreation_Reports() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap("", Holder + $" static void G<TH>() where TH : Holder, new() {{ var h = new TH {{ Inner = {{ {{|{RuleId}:{Property} = {Insecure}|}} }} }}; }}"));

    [Fact]
    public Task ChainedAssignment_ReportsTheInnerWrite() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"var a = new {TypeName}(); var b = new {TypeName}(); a.{Property} = {{|{RuleId}:b.{Property} = {Insecure}|}};"));

    [Fact]
    public Task ExpressionBodiedVoidLambda_Reports() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"System.Action<{TypeName}> configure = x => {{|{RuleId}:x.{Property} = {Insecure}|}};"));

    private string Holder => $"public class Holder {{ public {TypeName} Inner {{ get; }} = new(); }}";

    [Fact]
    public Task NonConstantValue_NoDiagnostic() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"var value = Get<{ValueType}>(); var x = {Init("value")}; x.{Property} = Get<{ValueType}>();"));

    [Fact]
    public Task CompliantValue_NoDiagnostic() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"var x = {Init(Secure)}; x.{Property} = {Secure};"));

    [Fact]
    public async Task LibraryNotReferenced_NoDiagnostic()
    {
        var source = $$"""
            namespace Lookalike
            {
                {{LookalikeDeclarations}}

                class C
                {
                    void M()
                    {
                        var x = {{Init(Insecure)}};
                        x.{{Property}} = {{Insecure}};
                    }
                }
            }
            """;
        var test = new CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.Test { TestCode = source }.WithoutArgoSecure();
        await test.RunAsync();
    }

    [Fact]
    public Task Message_NamesTheProperty() =>
        CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(
            Wrap($"var x = new {TypeName} {{ {{|#0:{Property} = {Insecure}|}} }};"),
            CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.Diagnostic(RuleId).WithLocation(0).WithArguments($"{TypeName}.{Property}"));

    [Fact]
    public async Task FixAll_TwoOccurrences()
    {
        var source = Wrap($"var a = new {TypeName} {{ {{|{RuleId}:{Property} = {Insecure}|}} }};\n        var b = new {TypeName}(); {{|{RuleId}:b.{Property} = {Insecure}|}};");
        if (!HasFix)
        {
            await CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.VerifyAnalyzerAsync(source);
            return;
        }

        var fixedSource = Fixed is null
            ? Wrap($"var a = new {TypeName} {{ }};\n        var b = new {TypeName}(); ")
            : Wrap($"var a = new {TypeName} {{ {Property} = {Fixed} }};\n        var b = new {TypeName}(); b.{Property} = {Fixed};");
        var test = new CSharpCodeFixVerifier<ArgsHardenedValuesAnalyzer, TCodeFix>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            NumberOfFixAllIterations = 1,
            CodeActionEquivalenceKey = EquivalenceKey,
        };
        await test.RunAsync();
    }

    /// <summary>The fixer's equivalence key.</summary>
    protected virtual string? EquivalenceKey => null;
}
