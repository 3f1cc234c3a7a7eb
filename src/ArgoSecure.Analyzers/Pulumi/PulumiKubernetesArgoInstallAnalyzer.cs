using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Raw Pulumi.Kubernetes code that installs Argo another way: a Helm release or chart of <c>argo-workflows</c>
/// (<see cref="HelmArgoWorkflowsValuesRule"/>), a ConfigFile/ConfigGroup of the quick-start manifests
/// (<see cref="QuickStartManifestRule"/>), a binding of <c>cluster-admin</c> to argo-server
/// (<see cref="ServerClusterAdminBindingRule"/>). One callback per object creation, dispatched by the Args type.
/// (RoleBindings into the controller's namespace are ARGO0002, collected by <see cref="WorkflowsInControllerNamespaceAnalyzer"/>.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PulumiKubernetesArgoInstallAnalyzer : DiagnosticAnalyzer
{
    // Guards a block's list of Helm creations (rare: taken only when one is found).
    private static readonly object Gate = new();

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(HelmArgoWorkflowsValuesRule.Descriptors).Add(DoNotOverPrivilegeServerRule.Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            if (!ArgoSymbols.MayReference(compilation, argoSecure: false, pulumi: true))
            {
                return;
            }

            // Built at the first code block (see ArgoSymbols.MayReference); null when none of the types is there after all.
            var lazyDispatch = new Lazy<Dispatch?>(() => ArgoSymbols.TryCreate(compilation) is { HasPulumiKubernetes: true } symbols ? Dispatch.Create(symbols) : null);

            // One pass per code block, riding on the object creations the driver hands out (no walk of every
            // body): Helm values may be written before the creation, so a Helm release or chart is read when its
            // block ends, and reported from the block (see HelmArgoWorkflowsValuesRule).
            start.RegisterOperationBlockStartAction(block =>
            {
                if (lazyDispatch.Value is not { } dispatch)
                {
                    return;
                }

                List<IObjectCreationOperation>? helmCreations = null;
                block.RegisterOperationAction(
                    ctx =>
                    {
                        var creation = (IObjectCreationOperation)ctx.Operation;
                        if (creation.Initializer is null || creation.Type is not INamedTypeSymbol type)
                        {
                            return;
                        }

                        var definition = type.OriginalDefinition;
                        if (dispatch.ByType.TryGetValue(definition, out var analyze))
                        {
                            analyze(ctx, dispatch.Symbols);
                        }
                        else if (dispatch.Helm.Contains(definition))
                        {
                            lock (Gate)
                            {
                                (helmCreations ??= new List<IObjectCreationOperation>()).Add(creation);
                            }
                        }
                    },
                    OperationKind.ObjectCreation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    if (helmCreations is null)
                    {
                        return;
                    }

                    foreach (var creation in helmCreations)
                    {
                        HelmArgoWorkflowsValuesRule.Analyze(creation, end.ReportDiagnostic, dispatch.Symbols);
                    }
                });
            });
        });
    }

    /// <summary>The rule each created Args type goes to, and the Helm args types read at block end, for one compilation.</summary>
    private sealed class Dispatch
    {
        private Dispatch(ArgoSymbols symbols) => Symbols = symbols;

        public ArgoSymbols Symbols { get; }

        public Dictionary<INamedTypeSymbol, Action<OperationAnalysisContext, ArgoSymbols>> ByType { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<INamedTypeSymbol> Helm { get; } = new(SymbolEqualityComparer.Default);

        public static Dispatch? Create(ArgoSymbols symbols)
        {
            var dispatch = new Dispatch(symbols);
            dispatch.Add(symbols.YamlV2ConfigFileArgs, QuickStartManifestRule.Analyze);
            dispatch.Add(symbols.YamlV2ConfigGroupArgs, QuickStartManifestRule.Analyze);
            dispatch.Add(symbols.YamlConfigFileArgs, QuickStartManifestRule.Analyze);
            dispatch.Add(symbols.YamlConfigGroupArgs, QuickStartManifestRule.Analyze);
            if (symbols.SubjectArgs is not null && symbols.RoleRefArgs is not null)
            {
                dispatch.Add(symbols.RoleBindingArgs, ServerClusterAdminBindingRule.Analyze);
                dispatch.Add(symbols.ClusterRoleBindingArgs, ServerClusterAdminBindingRule.Analyze);
            }

            foreach (var type in new[] { symbols.HelmV3ReleaseArgs, symbols.HelmV4ChartArgs, symbols.HelmV3ChartArgs, symbols.HelmV3LocalChartArgs })
            {
                if (type is not null)
                {
                    dispatch.Helm.Add(type);
                }
            }

            return dispatch.ByType.Count == 0 && dispatch.Helm.Count == 0 ? null : dispatch;
        }

        private void Add(INamedTypeSymbol? type, Action<OperationAnalysisContext, ArgoSymbols> analyze)
        {
            if (type is not null)
            {
                ByType[type] = analyze;
            }
        }
    }
}
