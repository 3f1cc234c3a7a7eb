using System.Collections.Immutable;
using System.Reflection;
using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>Every exported analyzer and code fix, loaded from the built assemblies.</summary>
internal static class LoadedRules
{
    public static Assembly AnalyzerAssembly { get; } = typeof(ArgsHardenedValuesAnalyzer).Assembly;

    public static Assembly CodeFixAssembly { get; } = typeof(KeepServerTlsCodeFixProvider).Assembly;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .ToImmutableArray();

    public static TheoryData<string> AnalyzerNames()
    {
        var data = new TheoryData<string>();
        foreach (var analyzer in Analyzers)
        {
            data.Add(analyzer.GetType().Name);
        }

        return data;
    }

    public static DiagnosticAnalyzer Analyzer(string name) => Analyzers.Single(a => a.GetType().Name == name);
}
