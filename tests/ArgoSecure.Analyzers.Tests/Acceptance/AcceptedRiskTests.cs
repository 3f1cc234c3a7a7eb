using System.Collections.Immutable;
using ArgoSecure.Analyzers.Tests.EditorScope;
using ArgoSecure.Analyzers.Tests.Meta;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers.Tests.Acceptance;

/// <summary>
/// Risks accepted in the Args are honored by the build: the diagnostic of that rule on that object is suppressed
/// (every analyzer and the suppressor, run as a build runs them), with the justification kept; anything else stays.
/// </summary>
[Trait("Rule", "ARGO0027")]
public sealed class AcceptedRiskTests
{
    private static string Program(string body, string members = "") => $$"""
        using System.Collections.Generic;
        using ArgoSecure;

        class Infra
        {
            {{members}}

            void M(string fromOutside)
            {
                {{body}}
            }
        }
        """;

    // As a build runs them, suppressed diagnostics kept (as the error log keeps them).
    private static async Task<ImmutableArray<Diagnostic>> Build(string source)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        var diagnostics = await EditorAnalysis.Compile([("Infra.cs", source)]).WithAnalyzers(LoadedRules.Analyzers, options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(failures);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "AD0002");
        return diagnostics;
    }

    [Fact]
    public async Task ABuild_DropsTheAcceptedDiagnostic()
    {
        var build = await EditorAnalysis.BuildAsync(EditorAnalysis.Compile([("Infra.cs", Program("""
            _ = new ArgoServerArgs
            {
                Tls = { Enabled = false },
                AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", Justification = "TLS ends at the ingress" } },
            };
            """))]));
        Assert.DoesNotContain(build, d => d.Id.StartsWith("ARGO", StringComparison.Ordinal));
    }

    private static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string id) =>
        Assert.Single(diagnostics, d => d.Id == id);

    [Fact]
    public async Task AcceptanceInTheInitializer_SuppressesThatRule_WithItsJustification()
    {
        var diagnostics = await Build(Program("""
            _ = new ArgoServerArgs
            {
                Tls = { Enabled = false },
                AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", Justification = "TLS ends at the ingress" } },
            };
            """));
        var tls = Single(diagnostics, "ARGO0004");
        Assert.True(tls.IsSuppressed);
        Assert.Equal("TLS ends at the ingress", tls.Properties["ArgoAcceptedRiskJustification"]);
        Assert.DoesNotContain(diagnostics, d => d.Id == "ARGO0027");
    }

    [Fact]
    public async Task AcceptanceOnOneObject_DoesNotSuppressTheSameRuleOnAnother()
    {
        var diagnostics = await Build(Program("""
            var accepted = new ArgoServerArgs
            {
                Tls = { Enabled = false },
                AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", Justification = "TLS ends at the ingress" } },
            };
            var other = new ArgoServerArgs { Tls = { Enabled = false } };
            """));
        var tls = diagnostics.Where(d => d.Id == "ARGO0004").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, tls.Count);
        Assert.True(tls[0].IsSuppressed);
        Assert.False(tls[1].IsSuppressed);
    }

    [Fact]
    public async Task AcceptanceOfAnotherRule_SuppressesNothing()
    {
        var diagnostics = await Build(Program("""
            _ = new ArgoServerArgs
            {
                Tls = { Enabled = false },
                AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0003", Justification = "not this one" } },
            };
            """));
        Assert.False(Single(diagnostics, "ARGO0004").IsSuppressed);
    }

    [Fact]
    public async Task AnUnsupportedRelease_IsNeverSuppressed_AsValidationNeverPlansIt()
    {
        var diagnostics = await Build(Program("""
            _ = new ArgoControllerArgs
            {
                Images = { Version = "v3.6.5" },
                AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0026", Justification = "we upgrade next quarter" } },
            };
            """));
        Assert.False(Single(diagnostics, "ARGO0026").IsSuppressed);
    }

    [Fact]
    public async Task LaterAddInTheSameMethod_SuppressesAnAssignmentOnTheLocal()
    {
        var diagnostics = await Build(Program("""
            var server = new ArgoServerArgs();
            server.Tls.Enabled = false;
            server.AuthModes.Add(AuthMode.Server);
            server.AcceptedRisks.Add(new AcceptedRisk { RuleId = Rule, Justification = Why });
            """,
            """
            private const string Rule = "ARGO0004";
            private const string Why = "TLS ends at the ingress";
            """));
        Assert.True(Single(diagnostics, "ARGO0004").IsSuppressed);
        Assert.False(Single(diagnostics, "ARGO0003").IsSuppressed);
    }

    [Fact]
    public async Task EnclosingInstallArgs_AcceptsForThePartsItComposes()
    {
        var diagnostics = await Build(Program("""
            _ = new ArgoWorkflowsArgs
            {
                Server = new ArgoServerArgs { AuthModes = { AuthMode.Server } },
                Controller = { Namespace = "argo", Scope = InstallScope.Namespaced("argo") },
                AcceptedRisks =
                {
                    new AcceptedRisk { RuleId = "ARGO0003", Justification = "a kiosk UI behind the VPN" },
                    new AcceptedRisk { RuleId = "ARGO0001", Justification = "a throwaway test cluster" },
                },
            };
            """));
        Assert.True(Single(diagnostics, "ARGO0003").IsSuppressed, string.Join("; ", diagnostics));
        Assert.True(Single(diagnostics, "ARGO0001").IsSuppressed, string.Join("; ", diagnostics));
    }

    [Fact]
    public async Task ReadonlyFieldJustification_IsHonored()
    {
        var diagnostics = await Build(Program(
            """_ = new ArgoServerArgs { Tls = { Enabled = false }, AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", Justification = Why } } };""",
            """private static readonly string Why = "TLS ends at the ingress";"""));
        Assert.True(Single(diagnostics, "ARGO0004").IsSuppressed);
    }

    [Theory]
    [InlineData("Justification = \"\"")]
    [InlineData("Justification = \"   \"")]
    [InlineData("Justification = fromOutside")]
    [InlineData("Justification = System.Environment.GetEnvironmentVariable(\"WHY\")!")]
    [InlineData("")]
    public async Task BlankOrUnknownJustification_SuppressesNothing_AndIsReported(string justification)
    {
        var diagnostics = await Build(Program($$"""
            _ = new ArgoServerArgs
            {
                Tls = { Enabled = false },
                AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", {{justification}} } },
            };
            """));
        Assert.False(Single(diagnostics, "ARGO0004").IsSuppressed);
        var unusable = Single(diagnostics, "ARGO0027");
        Assert.False(unusable.IsSuppressed);
        Assert.Contains("AcceptedRisk.Justification", unusable.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JustificationSetLaterOnTheLocal_IsNotReported()
    {
        var diagnostics = await Build(Program("""
            var risk = new AcceptedRisk { RuleId = "ARGO0004" };
            risk.Justification = "TLS ends at the ingress";
            """));
        Assert.DoesNotContain(diagnostics, d => d.Id == "ARGO0027");
    }
}
