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

            if (helm.Count > 0)
            {
                // Helm values may be written before the creation, in the same body: one pass per body (see HelmArgoWorkflowsValuesRule).
                start.RegisterOperationBlockAction(block =>
                {
                    foreach (var root in block.OperationBlocks)
                    {
                        foreach (var operation in root.SelfAndDescendants())
                        {
                            if (operation is IObjectCreationOperation { Initializer: not null, Type: INamedTypeSymbol type } creation && helm.Contains(type.OriginalDefinition))
                            {
                                HelmArgoWorkflowsValuesRule.Analyze(creation, block.ReportDiagnostic, symbols);
                            }
                        }
                    }
                });
            }

            if (dispatch.Count == 0)
            {
                return;
            }

            start.RegisterOperationAction(
                ctx =>
                {
                    var creation = (IObjectCreationOperation)ctx.Operation;
                    if (creation.Initializer is not null && creation.Type is INamedTypeSymbol type &&
                        dispatch.TryGetValue(type.OriginalDefinition, out var analyze))
                    {
                        analyze(ctx, symbols);
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}
