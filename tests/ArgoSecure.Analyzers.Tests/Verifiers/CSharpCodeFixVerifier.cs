using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Verifiers;

/// <summary>
/// The Microsoft.CodeAnalysis.Testing verifier with this repository's references: the running runtime,
/// ArgoSecure.dll, and optionally the Pulumi look-alike types (<see cref="PulumiStubs"/>).
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A diagnostic of the analyzer's only rule (one ID, which may have a live and a compilation-end descriptor).</summary>
    public static DiagnosticResult Diagnostic() => SingleRule(new TAnalyzer()) is { } descriptor
        ? CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor)
        : CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    /// <summary>A diagnostic with this ID.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>Checks the diagnostics of <paramref name="source"/> (markup).</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks the diagnostics of <paramref name="source"/> and that the fix gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The test, with offline references.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        /// <summary>Creates a test that references ArgoSecure.dll.</summary>
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Runtime);
            TestState.AdditionalReferences.Add(TestReferences.ArgoSecure);

            // {|ARGO0002:...|} names one rule that has two descriptors (live and compilation end): either matches.
            MarkupOptions |= MarkupOptions.UseFirstDescriptor;
        }

        /// <summary>Leaves ArgoSecure.dll out: the "library not referenced" case.</summary>
        public Test WithoutArgoSecure()
        {
            TestState.AdditionalReferences.Remove(TestReferences.ArgoSecure);
            return this;
        }

        /// <summary>Leaves other rules of a multi-rule analyzer out of a test that is about one rule.</summary>
        public Test WithDisabled(params string[] ids)
        {
            DisabledDiagnostics.AddRange(ids);
            return this;
        }

        /// <summary>Adds the Pulumi look-alike types as a second source file (call after setting the code).</summary>
        public Test WithPulumiStubs()
        {
            TestState.Sources.Add(("PulumiStubs.cs", PulumiStubs.Source));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.Sources.Add(("PulumiStubs.cs", PulumiStubs.Source));
            }

            return this;
        }

        /// <inheritdoc/>
        /// <remarks>[|...|] stays an error for an analyzer of several rules (the first descriptor would be a guess).</remarks>
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) =>
            analyzers.Length > 0 ? SingleRule(analyzers[0]) : null;

        /// <inheritdoc/>
        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }

    // The first descriptor when every descriptor of the analyzer has the same ID (ARGO0002: live and compilation end).
    private static DiagnosticDescriptor? SingleRule(DiagnosticAnalyzer analyzer)
    {
        var descriptors = analyzer.SupportedDiagnostics;
        return descriptors.Length > 0 && descriptors.All(d => d.Id == descriptors[0].Id) ? descriptors[0] : null;
    }
}
