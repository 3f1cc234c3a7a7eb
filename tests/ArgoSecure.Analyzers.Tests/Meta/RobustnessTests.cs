using System.Collections.Concurrent;
using System.Collections.Immutable;
using ArgoSecure.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>Analyzers never throw: not on empty source, not on malformed source, not on any prefix of real code.</summary>
public sealed class RobustnessTests
{
    internal const string ArgsSample = """
        using System.Collections.Generic;
        using ArgoSecure;

        class Install
        {
            const string Ns = "argo";
            static T Get<T>() => default!;

            ArgoWorkflowsArgs Create() => new ArgoWorkflowsArgs
            {
                Controller = new ArgoControllerArgs
                {
                    Namespace = Ns,
                    Scope = InstallScope.Namespaced("argo"),
                    TemplateReferencing = TemplateReferencing.None,
                    UserOverrideAllowlist = { "podSpecPatch", Get<string>() },
                    Metrics = { Secure = false, ScrapeFromAnyNamespace = true },
                    WorkflowDefaults = new WorkflowPodDefaults { RunAsNonRoot = false, RunAsUser = 0, ServiceAccountName = "default", AutomountServiceAccountToken = true },
                    Persistence = new PersistenceArgs { Host = "db", TlsMode = DatabaseTlsMode.Disable, PasswordSecret = { LiteralValue = "pw" } },
                    Images = { Version = "latest" },
                    NetworkPolicies = false,
                    Pprof = true,
                    ImageEntrypoints = { Index = { new ImageEntrypoint { Image = "busybox:1.36", Cmd = { "sh" } } }, RegistryEgress = { new EgressTarget { Cidr = "0.0.0.0/0" } } },
                    MemoizationCaches = { "workflow-controller-configmap", Get<string>() },
                },
                Server = new ArgoServerArgs
                {
                    AuthModes = [AuthMode.Server, AuthMode.Sso],
                    Tls = { Enabled = false },
                    Sso = new SsoArgs { RbacEnabled = false, InsecureSkipVerify = true },
                    AccessLevel = ServerAccessLevel.ReadWrite,
                    AccessControlAllowOrigin = "*",
                },
                WorkflowNamespaces =
                {
                    new WorkflowNamespaceArgs { Name = "argo", HttpTemplates = new HttpTemplatesArgs { Egress = { new EgressTarget() } }, LargeTemplateOffload = true },
                    new() { Name = Get<string>(), Scope = InstallScope.Namespaced("x"), ImagePullSecrets = { Get<string>() }, MemoizationCaches = ["c"] },
                },
            };
        }
        """;

    internal const string PulumiSample = """
        using System.Collections.Generic;
        using Pulumi;
        using Pulumi.Kubernetes.Helm.V3;
        using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
        using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

        class Infra
        {
            void M()
            {
                _ = new Release("argo", new ReleaseArgs
                {
                    Chart = "argo/argo-workflows",
                    Values = new Dictionary<string, object>
                    {
                        ["server"] = new Dictionary<string, object>
                        {
                            ["authModes"] = new[] { "server" }, ["extraArgs"] = new List<object> { "--auth-mode", "server" },
                            ["sso"] = new Dictionary<string, object> { ["enabled"] = true, ["insecureSkipVerify"] = true, ["rbac"] = new Dictionary<string, object> { { "enabled", false } } },
                        },
                        ["controller"] = new Dictionary<string, object> { ["metricsConfig"] = new Dictionary<string, object> { ["enabled"] = true } },
                    },
                });
                _ = new Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs { Files = { "quick-start-minimal.yaml" } };
                _ = new ClusterRoleBindingArgs
                {
                    RoleRef = new RoleRefArgs { Kind = "ClusterRole", Name = "cluster-admin" },
                    Subjects = { new SubjectArgs { Kind = "ServiceAccount", Name = "argo-server" } },
                };
            }
        }
        """;

    /// <summary>Values assembled before use and risks accepted in the Args (the value following and the acceptance code).</summary>
    internal const string FollowingSample = """
        using System.Collections.Generic;
        using ArgoSecure;
        using Pulumi;
        using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

        class Following
        {
            const string Key = "server";
            static readonly string ChartName = "argo-workflows";
            static T Get<T>() => default!;

            void M(string why)
            {
                var server = new Dictionary<string, object> { ["secure"] = false };
                server.Add("authMode", "server");
                var loop = new Dictionary<string, object>();
                loop["self"] = loop;
                var modes = new InputList<object>();
                modes.Add("server", Get<string>());
                var values = new InputMap<object> { [Key] = server };
                values["singleNamespace"] = true;
                values.Add("loop", loop);
                values["controller"] = new Dictionary<string, object> { ["extraArgs"] = new List<object> { "--managed-namespace", Get<string>() } };
                var args = new ReleaseArgs { Chart = ChartName, Namespace = "argo" };
                args.Values = values;
                _ = new Pulumi.Kubernetes.Helm.V3.Chart("argo", new Pulumi.Kubernetes.Helm.ChartArgs { Chart = ChartName, Values = new Dictionary<string, object> { ["singleNamespace"] = true, ["server"] = modes } });
                var s = new ArgoServerArgs { Tls = { Enabled = false }, AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", Justification = why } } };
                s.AuthModes.Add(AuthMode.Server);
                s.AcceptedRisks.Add(new AcceptedRisk { RuleId = Get<string>(), Justification = "" });
                s.AcceptedRisks = new List<AcceptedRisk> { new() { RuleId = "ARGO0003", Justification = "demo" } };
                var risk = new AcceptedRisk();
                risk.Justification = why;
            }
        }
        """;

    public static TheoryData<string> Analyzers() => LoadedRules.AnalyzerNames();

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task EmptySource_NoException(string analyzer)
    {
        var failures = await RunAsync([LoadedRules.Analyzer(analyzer)], [""]);
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task MalformedSource_NoException(string analyzer)
    {
        string[] sources =
        [
            "class C { void M() { var x = new ArgoServerArgs { AuthModes = { , }, Tls = { Enabled = } }; } }",
            "using ArgoSecure; class C { object o = new ArgoControllerArgs { Scope = InstallScope.Namespaced(), Namespace = 1 }; }",
            "using ArgoSecure; class C { void M(ArgoServerArgs s) { s.AuthModes.Add(); s.Tls.Enabled = ; new WorkflowNamespaceArgs { Name = } } }",
            "class C { void M() { _ = new Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs { Chart = \"argo-workflows\", Values = new System.Collections.Generic.Dictionary<string, object> { [] = 1, [\"server\"] = { } } }; } }",
            "class C { void M() { _ = new Pulumi.Kubernetes.Types.Inputs.Rbac.V1.ClusterRoleBindingArgs { RoleRef = , Subjects = { new } }; } }",
        ];
        var failures = await RunAsync([LoadedRules.Analyzer(analyzer)], sources);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task EveryPrefix_AndRandomDeletions_NoException()
    {
        var corpus = new List<string>();
        foreach (var sample in new[] { ArgsSample, PulumiSample, FollowingSample })
        {
            corpus.AddRange(Prefixes(sample));
            corpus.AddRange(RandomDeletions(sample, seed: 20261126, count: 150));
        }

        var analyzers = LoadedRules.Analyzers;
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (source, ct) =>
        {
            foreach (var failure in await RunAsync(analyzers, [source]))
            {
                failures.Add(failure);
            }
        });

        Assert.True(corpus.Count > 900, "corpus too small: " + corpus.Count);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task GeneratedPrograms_NoException()
    {
        // Whole programs written at random over the Args and the Pulumi look-alikes (GeneratedPrograms), not only
        // cut-down samples: every analyzer on each, never an AD0001.
        var generator = new GeneratedPrograms(seed: 20261130);
        var programs = Enumerable.Range(0, 120).Select(_ => generator.Next()).ToList();
        var failures = new ConcurrentBag<string>();
        var ids = new ConcurrentBag<string>();
        var compileErrors = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(programs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (source, ct) =>
        {
            var compilation = Compile([source]);
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception}\n{source}"),
                concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            foreach (var diagnostic in await compilation.WithAnalyzers(LoadedRules.Analyzers, options).GetAllDiagnosticsAsync(ct))
            {
                if (diagnostic.Id is "AD0001" or "AD0002")
                {
                    failures.Add($"{diagnostic}\n{source}");
                }
                else if (diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id.StartsWith("CS", StringComparison.Ordinal))
                {
                    compileErrors.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                }

                ids.Add(diagnostic.Id);
            }
        });

        Assert.Empty(failures);
        // The programs reach the analyzers' reporting paths, not only their early exits, and mostly compile.
        Assert.True(ids.Distinct().Count(id => id.StartsWith("ARGO", StringComparison.Ordinal)) >= 12, string.Join(", ", ids.Distinct().Order()));
        Assert.True(compileErrors.Count < programs.Count / 4, $"{compileErrors.Count} compile errors in {programs.Count} programs: " +
            string.Join("; ", compileErrors.GroupBy(e => e, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Count()}x {g.Key}")));
    }

    [Fact]
    public async Task DeeplyNestedListElement_NoException_AndTheOtherElementsStillRead()
    {
        // The list-element finder keeps its own stack: an element nested thousands of levels deep (one long
        // concatenation) must neither overflow the thread's stack nor hide the other elements.
        var deep = "why" + string.Concat(Enumerable.Repeat(" + \"x\"", 5000));
        var source = $$"""
            using ArgoSecure;

            class C
            {
                ArgoControllerArgs M(string why) => new ArgoControllerArgs { UserOverrideAllowlist = { {{deep}}, "podSpecPatch" } };
            }
            """;

        Assert.Empty(await RunAsync(LoadedRules.Analyzers, [source]));
        var diagnostics = await Compile([source]).WithAnalyzers(LoadedRules.Analyzers).GetAnalyzerDiagnosticsAsync();
        var reopened = Assert.Single(diagnostics, d => d.Id == "ARGO0015");
        Assert.EndsWith("\"podSpecPatch\"", reopened.Location.SourceTree!.ToString()[..reopened.Location.SourceSpan.End], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSamples_ReallyTriggerTheAnalyzers()
    {
        // Guards the corpus above: the full samples must be analyzed, not silently skipped.
        var ids = await DiagnosticIdsAsync(LoadedRules.Analyzers, [ArgsSample, PulumiSample, FollowingSample]);
        foreach (var id in new[] { "ARGO0001", "ARGO0002", "ARGO0003", "ARGO0004", "ARGO0005", "ARGO0006", "ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011", "ARGO0012", "ARGO0013", "ARGO0014", "ARGO0015", "ARGO0016", "ARGO0017", "ARGO0018", "ARGO0027" })
        {
            Assert.Contains(id, ids);
        }
    }

    private static IEnumerable<string> Prefixes(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var token in root.DescendantTokens())
        {
            yield return source[..token.Span.End];
        }
    }

    private static IEnumerable<string> RandomDeletions(string source, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var start = random.Next(source.Length);
            var length = Math.Min(random.Next(1, 40), source.Length - start);
            yield return source.Remove(start, length);
        }
    }

    private static async Task<List<string>> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, string[] sources)
    {
        var failures = new ConcurrentBag<string>();
        var compilation = Compile(sources);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        foreach (var diagnostic in diagnostics.Where(d => d.Id is "AD0001" or "AD0002"))
        {
            failures.Add(diagnostic.ToString());
        }

        return failures.ToList();
    }

    private static async Task<HashSet<string>> DiagnosticIdsAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, string[] sources)
    {
        var diagnostics = await Compile(sources).WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static CSharpCompilation Compile(string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, parse))
            .Append(CSharpSyntaxTree.ParseText(PulumiStubs.Source, parse));
        return CSharpCompilation.Create(
            "Robustness",
            trees,
            TestReferences.Runtime.Add(TestReferences.ArgoSecure),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
