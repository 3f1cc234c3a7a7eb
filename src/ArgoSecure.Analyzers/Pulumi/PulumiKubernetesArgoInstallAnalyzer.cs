using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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
            var compilation = start.Compilation;
            if (!ArgoSymbols.MayReference(compilation, argoSecure: false, pulumi: true))
            {
                return;
            }

            // Built at the first callback (see ArgoSymbols.MayReference); null when none of the types is there after all.
            var lazyDispatch = new Lazy<Dispatch?>(() => ArgoSymbols.For(compilation) is { HasPulumiKubernetes: true } symbols ? Dispatch.Create(symbols) : null);

            // One callback per object creation, no walk of every body. A Helm release or chart is read when its code
            // block ends, from a block action (see HelmArgoWorkflowsValuesRule).
            var helm = new PendingByBlock<List<IObjectCreationOperation>>(static () => new List<IObjectCreationOperation>());
            start.RegisterOperationAction(
                [MethodImpl(HotPath.Optimized)] (ctx) =>
                {
                    var creation = (IObjectCreationOperation)ctx.Operation;
                    if (creation.Initializer is null || creation.Type is not INamedTypeSymbol type || lazyDispatch.Value is not { } dispatch ||
                        !ArgoSymbols.IsOneOf(type.ContainingAssembly, dispatch.Assemblies))
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
                        helm.Update(creation, creation, static (creations, creation) => creations.Add(creation));
                    }
                },
                OperationKind.ObjectCreation);
            start.RegisterOperationBlockAction([MethodImpl(HotPath.Optimized)] (end) =>
            {
                if (helm.TakeEnded(end.OperationBlocks) is not { } ended || lazyDispatch.Value is not { } dispatch)
                {
                    return;
                }

                foreach (var creations in ended)
                {
                    foreach (var creation in creations)
                    {
                        HelmArgoWorkflowsValuesRule.Analyze(creation, end.ReportDiagnostic, dispatch.Symbols);
                    }
                }
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

        // The assemblies that declare those types (the creation must be of one of them exactly): any other creation,
        // a program's own classes included, is ruled out without hashing its type.
        public IAssemblySymbol[] Assemblies { get; private set; } = Array.Empty<IAssemblySymbol>();

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

            var types = new List<INamedTypeSymbol?>(dispatch.ByType.Keys);
            types.AddRange(dispatch.Helm);
            dispatch.Assemblies = ArgoSymbols.DeclaringAssembliesOf(types);
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
