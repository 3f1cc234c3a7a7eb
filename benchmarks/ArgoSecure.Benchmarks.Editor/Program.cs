using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ArgoSecure;
using ArgoSecure.Analyzers;
using ArgoSecure.Benchmarks.Editor;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// What the ARGO analyzers cost per keystroke in an editor: one open document, analyzed the way an IDE does
// (GetAnalyzerSyntaxDiagnosticsAsync + GetAnalyzerSemanticDiagnosticsAsync over the document), after each edit
// of it (a new compilation, as after a keystroke). Not a test: it prints figures for docs/performance.md.
// Usage: dotnet run -c Release --project benchmarks/ArgoSecure.Benchmarks.Editor -- [runs=100] [warm-up=20]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var warmUp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var root = RepositoryRoot();

var argo = typeof(ArgsHardenedValuesAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpOperationAnalyzer());

var samples = Directory.GetFiles(Path.Combine(root, "samples", "pulumi"), "Program.cs", SearchOption.AllDirectories);
var largest = samples.OrderByDescending(f => File.ReadAllLines(f).Length).ThenBy(f => f, StringComparer.Ordinal).First();
var documents = new[]
{
    (Name: Path.GetRelativePath(root, largest).Replace('\\', '/'), Text: File.ReadAllText(largest), Kind: OutputKind.ConsoleApplication),
    (Name: "generated infrastructure file", Text: InfrastructureFile.Generate(2000), Kind: OutputKind.DynamicallyLinkedLibrary),
};

Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} CPU(s), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
Console.WriteLine($"{argo.Length} ARGO analyzers; {warmUp} warm-up and {runs} timed edits per document; times in ms");
Console.WriteLine();
Console.WriteLine("| document | lines | ARGO diagnostics shown | ARGO analyzers: wall | ARGO analyzers: CPU | no-op analyzer: CPU | ARGO minus no-op: CPU | ARGO callbacks alone |");
Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|");
var perAnalyzer = new List<string>();
foreach (var (name, text, kind) in documents)
{
    var r = Measure(text, kind, argo, floor, runs, warmUp);
    perAnalyzer.Add($"{name}: " + string.Join(", ", r.PerAnalyzer.Select(p => $"{p.Key} {Figures(p.Value)}")));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {LineCount(text)} | {r.Shown} | {Figures(r.ArgoWall)} | {Figures(r.ArgoCpu)} | {Figures(r.FloorCpu)} | {Figures(r.ArgoCpu.Zip(r.FloorCpu, (a, f) => a - f).ToList())} | {Figures(r.Callbacks)} |"));
}

Console.WriteLine();
Console.WriteLine("Cells: median / min in ms ('ARGO minus no-op': of the differences of each edit's two calls). 'CPU': this");
Console.WriteLine("process's CPU time during the call (getrusage), 'wall': elapsed time;");
Console.WriteLine("'no-op analyzer': the same call with an analyzer that asks for the same operations and does nothing (binding the");
Console.WriteLine("document and building its operation trees, which an editor does anyway); 'ARGO callbacks alone': the driver's");
Console.WriteLine("telemetry of the time spent inside the ARGO analyzers' own code, per analyzer:");
perAnalyzer.ForEach(Console.WriteLine);

return 0;

static (List<double> ArgoWall, List<double> ArgoCpu, List<double> FloorCpu, List<double> Callbacks, Dictionary<string, List<double>> PerAnalyzer, string Shown) Measure(
    string text, OutputKind kind, ImmutableArray<DiagnosticAnalyzer> argo, ImmutableArray<DiagnosticAnalyzer> floor, int runs, int warmUp)
{
    var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
    var document = CSharpSyntaxTree.ParseText(text, parse, "Document.cs");
    var project = CSharpCompilation.Create(
        "Editor",
        [
            document,
            CSharpSyntaxTree.ParseText(SampleStubs.GlobalUsings, parse, "GlobalUsings.cs"),
            CSharpSyntaxTree.ParseText(ArgoSecure.Analyzers.Tests.Verifiers.PulumiStubs.Source, parse, "PulumiStubs.cs"),
            CSharpSyntaxTree.ParseText(SampleStubs.Source, parse, "SampleStubs.cs"),
        ],
        References(),
        new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    var errors = project.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    if (errors.Count > 0)
    {
        throw new InvalidOperationException("The document does not compile: " + string.Join(Environment.NewLine, errors.Take(10)));
    }

    List<double> argoWall = [], argoCpu = [], floorCpu = [], callbackTimes = [];
    var perAnalyzer = argo.ToDictionary(a => a.GetType().Name, _ => new List<double>(), StringComparer.Ordinal);
    var shown = "";
    for (var i = -warmUp; i < runs; i++)
    {
        // A keystroke: the document changes, so the editor analyzes a new compilation (incremental parse).
        var edited = Keystroke(text, i);
        var (wall, cpu, diagnostics) = Time(project, document, edited, argo);
        var (_, floorMs, _) = Time(project, document, edited, floor);
        var callbacksMs = Callbacks(project, document, edited, argo);
        if (i >= 0)
        {
            argoWall.Add(wall);
            argoCpu.Add(cpu);
            floorCpu.Add(floorMs);
            callbackTimes.Add(callbacksMs.Values.Sum());
            foreach (var (analyzer, ms) in callbacksMs)
            {
                perAnalyzer[analyzer].Add(ms);
            }
        }

        shown = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
    }

    return (argoWall, argoCpu, floorCpu, callbackTimes, perAnalyzer, shown);
}

static (double Wall, double Cpu, ImmutableArray<Diagnostic> Diagnostics) Time(
    Compilation project, SyntaxTree document, SourceText edited, ImmutableArray<DiagnosticAnalyzer> analyzers)
{
    var tree = document.WithChangedText(edited);
    var compilation = project.ReplaceSyntaxTree(document, tree);
    var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(telemetry: false));
    var cpu = CpuTime.Milliseconds();
    var stopwatch = Stopwatch.StartNew();
    var syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
    var semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), tree.GetRoot().FullSpan, CancellationToken.None).GetAwaiter().GetResult();
    stopwatch.Stop();
    return (stopwatch.Elapsed.TotalMilliseconds, CpuTime.Milliseconds() - cpu, syntax.AddRange(semantic));
}

// The time spent inside the ARGO analyzers' callbacks (the driver's telemetry), for the same call.
static Dictionary<string, double> Callbacks(Compilation project, SyntaxTree document, SourceText edited, ImmutableArray<DiagnosticAnalyzer> analyzers)
{
    var tree = document.WithChangedText(edited);
    var compilation = project.ReplaceSyntaxTree(document, tree);
    var withAnalyzers = compilation.WithAnalyzers(analyzers, Options(telemetry: true));
    _ = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
    _ = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), tree.GetRoot().FullSpan, CancellationToken.None).GetAwaiter().GetResult();
    return analyzers.ToDictionary(
        a => a.GetType().Name,
        a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds,
        StringComparer.Ordinal);
}

static CompilationWithAnalyzersOptions Options(bool telemetry) => new(
    new AnalyzerOptions([]),
    (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer.GetType().Name} threw", exception),
    concurrentAnalysis: false,
    logAnalyzerExecutionTime: telemetry);

// Types one character at the end of the first line, or takes it away again.
static SourceText Keystroke(string text, int i)
{
    var source = SourceText.From(text);
    var end = source.Lines[0].End;
    return i % 2 == 0 ? source.WithChanges(new TextChange(new TextSpan(end, 0), " ")) : source;
}

static string Figures(List<double> values) => string.Create(CultureInfo.InvariantCulture, $"{Median(values):F2} / {values.Min():F2}");

static int LineCount(string text) => text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0);

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static ImmutableArray<MetadataReference> References()
{
    var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
    return tpa
        .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
        .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
        .Order(StringComparer.Ordinal)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(ArgoWorkflowsArgs).Assembly.Location))
        .ToImmutableArray();
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArgoSecure.Pulumi.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run from inside the repository: ArgoSecure.Pulumi.sln not found.");
}
