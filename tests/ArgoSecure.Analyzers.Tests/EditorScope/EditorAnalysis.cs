using System.Collections.Concurrent;
using System.Collections.Immutable;
using ArgoSecure.Analyzers.Tests.Meta;
using ArgoSecure.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers.Tests.EditorScope;

/// <summary>
/// Runs every ARGO analyzer the two ways that matter: as an editor does for one open document
/// (<see cref="CompilationWithAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(SyntaxTree, CancellationToken)"/> and
/// <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>
/// over the document: no compilation-end action runs), and as a build does (the whole compilation, its end included).
/// </summary>
internal static class EditorAnalysis
{
    /// <summary>The name of the Pulumi look-alike file added to every compilation.</summary>
    public const string StubsPath = "PulumiStubs.cs";

    /// <summary>Compiles the documents with ArgoSecure.dll and the Pulumi look-alike types.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Source)> documents)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = documents.Select(d => CSharpSyntaxTree.ParseText(d.Source, parse, d.Path))
            .Append(CSharpSyntaxTree.ParseText(PulumiStubs.Source, parse, StubsPath));
        return CSharpCompilation.Create(
            "EditorScope",
            trees,
            TestReferences.Runtime.Add(TestReferences.ArgoSecure),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>What an editor shows for one open document: syntax and semantic diagnostics of that document only.</summary>
    public static async Task<ImmutableArray<Diagnostic>> LiveAsync(Compilation compilation, SyntaxTree document)
    {
        var failures = new ConcurrentBag<string>();
        var analyzers = compilation.WithAnalyzers(LoadedRules.Analyzers, Options(failures));
        var root = await document.GetRootAsync();
        var syntax = await analyzers.GetAnalyzerSyntaxDiagnosticsAsync(document, CancellationToken.None);
        var semantic = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(document), root.FullSpan, CancellationToken.None);
        return Checked(syntax.AddRange(semantic), failures);
    }

    /// <summary>What the editor shows over all these documents, each analyzed alone as an open document.</summary>
    public static async Task<ImmutableArray<Diagnostic>> LiveAsync(Compilation compilation, IEnumerable<SyntaxTree> documents)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var document in documents)
        {
            all.AddRange(await LiveAsync(compilation, document));
        }

        return all.ToImmutable();
    }

    /// <summary>What a build reports: every analyzer over the whole compilation, compilation-end actions included.</summary>
    public static async Task<ImmutableArray<Diagnostic>> BuildAsync(Compilation compilation)
    {
        var failures = new ConcurrentBag<string>();
        var diagnostics = await compilation.WithAnalyzers(LoadedRules.Analyzers, Options(failures)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return Checked(diagnostics, failures);
    }

    /// <summary>The documents a user writes (the look-alike types left out).</summary>
    public static IEnumerable<SyntaxTree> UserDocuments(Compilation compilation) =>
        compilation.SyntaxTrees.Where(t => t.FilePath != StubsPath);

    /// <summary>"file: text" of a diagnostic's location, to assert on in a readable way.</summary>
    public static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}: {diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan)}";

    /// <summary>
    /// The invariants between the two: the editor shows nothing a build does not report, and a build never reports
    /// one rule twice at one location (the live and the compilation-end pass of a rule agree on who reports it).
    /// </summary>
    public static void AssertAgree(ImmutableArray<Diagnostic> live, ImmutableArray<Diagnostic> build)
    {
        var built = build.Select(Key).ToList();
        var duplicates = built.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "reported twice at build: " + string.Join("; ", duplicates));
        var onlyLive = live.Select(Key).Where(k => !built.Contains(k)).ToList();
        Assert.True(onlyLive.Count == 0, "shown live but not reported at build: " + string.Join("; ", onlyLive));
    }

    private static string Key(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}";

    private static CompilationWithAnalyzersOptions Options(ConcurrentBag<string> failures) => new(
        new AnalyzerOptions([]),
        (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception}"),
        concurrentAnalysis: false,
        logAnalyzerExecutionTime: false);

    private static ImmutableArray<Diagnostic> Checked(ImmutableArray<Diagnostic> diagnostics, ConcurrentBag<string> failures)
    {
        Assert.Empty(failures);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "AD0002");
        return diagnostics;
    }
}
