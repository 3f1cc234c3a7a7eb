using System.Collections.Immutable;
using ArgoSecure.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>A project that references neither ArgoSecure nor Pulumi.Kubernetes gets no callbacks registered at all.</summary>
public sealed class GateTests
{
    private const string Plain = """
        using System.Collections.Generic;
        class Order { public bool Express { get; set; } void M() { var o = new Order { Express = false }; var d = new Dictionary<string, object> { ["secure"] = false }; } }
        """;

    [Theory]
    [MemberData(nameof(RobustnessTests.Analyzers), MemberType = typeof(RobustnessTests))]
    public async Task NeitherLibraryReferenced_RegistersNoActions(string analyzer)
    {
        var telemetry = await TelemetryAsync(LoadedRules.Analyzer(analyzer), withArgoSecure: false, Plain);
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.SyntaxNodeActionsCount);
        Assert.Equal(0, telemetry.CompilationEndActionsCount);
        // A suppressor registers nothing: it only reads diagnostics the analyzers already reported.
        Assert.Equal(LoadedRules.Analyzer(analyzer) is DiagnosticSuppressor ? 0 : 1, telemetry.CompilationStartActionsCount);
    }

    [Fact]
    public async Task ArgoSecureReferenced_RegistersTheArgsActions_NotThePulumiBlockAction()
    {
        var telemetry = await TelemetryAsync(LoadedRules.Analyzer(nameof(ArgsHardenedValuesAnalyzer)), withArgoSecure: true, Plain);
        // Statements, the other initializer owners (WriteSites), and the creation callback both libraries share.
        Assert.Equal(3, telemetry.OperationActionsCount);
        Assert.Equal(0, telemetry.OperationBlockActionsCount);
    }

    [Fact]
    public async Task OnlyPulumiThere_RegistersTheCreationAndBlockActions_NotTheArgsOnes()
    {
        // A Pulumi namespace in the source passes the gate as a reference to Pulumi.Kubernetes does.
        var telemetry = await TelemetryAsync(LoadedRules.Analyzer(nameof(ArgsHardenedValuesAnalyzer)), withArgoSecure: false,
            Plain + "\nnamespace Pulumi.Kubernetes { public sealed class Marker { } }");
        Assert.Equal(1, telemetry.OperationActionsCount);
        Assert.Equal(1, telemetry.OperationBlockActionsCount);
    }

    private static async Task<AnalyzerTelemetryInfo> TelemetryAsync(DiagnosticAnalyzer analyzer, bool withArgoSecure, string source)
    {
        var references = withArgoSecure ? TestReferences.Runtime.Add(TestReferences.ArgoSecure) : TestReferences.Runtime;
        var compilation = CSharpCompilation.Create("Gate", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }
}
