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
            var symbols = ArgoSymbols.TryCreate(start.Compilation);
            if (symbols is null || !symbols.HasPulumiKubernetes)
            {
                return;
            }

            var dispatch = new Dictionary<INamedTypeSymbol, System.Action<OperationAnalysisContext, ArgoSymbols>>(SymbolEqualityComparer.Default);
            void Add(INamedTypeSymbol? type, System.Action<OperationAnalysisContext, ArgoSymbols> analyze)
            {
                if (type is not null)
                {
                    dispatch[type] = analyze;
                }
            }

            Add(symbols.YamlV2ConfigFileArgs, QuickStartManifestRule.Analyze);
            Add(symbols.YamlV2ConfigGroupArgs, QuickStartManifestRule.Analyze);
            Add(symbols.YamlConfigFileArgs, QuickStartManifestRule.Analyze);
            Add(symbols.YamlConfigGroupArgs, QuickStartManifestRule.Analyze);
            if (symbols.SubjectArgs is not null && symbols.RoleRefArgs is not null)
            {
                Add(symbols.RoleBindingArgs, ServerClusterAdminBindingRule.Analyze);
                Add(symbols.ClusterRoleBindingArgs, ServerClusterAdminBindingRule.Analyze);
            }

            var helm = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var type in new[] { symbols.HelmV3ReleaseArgs, symbols.HelmV4ChartArgs, symbols.HelmV3ChartArgs, symbols.HelmV3LocalChartArgs })
            {
                if (type is not null)
                {
                    helm.Add(type);
                }
            }

            if (dispatch.Count == 0 && helm.Count == 0)
            {
                return;
            }

            // One pass per code block, riding on the object creations the driver hands out (no walk of every
            // body): Helm values may be written before the creation, so a Helm release or chart is read when its
            // block ends, and reported from the block (see HelmArgoWorkflowsValuesRule).
            start.RegisterOperationBlockStartAction(block =>
            {
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
                        if (dispatch.TryGetValue(definition, out var analyze))
                        {
                            analyze(ctx, symbols);
                        }
                        else if (helm.Contains(definition))
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
                        HelmArgoWorkflowsValuesRule.Analyze(creation, end.ReportDiagnostic, symbols);
                    }
                });
            });
        });
    }
}
