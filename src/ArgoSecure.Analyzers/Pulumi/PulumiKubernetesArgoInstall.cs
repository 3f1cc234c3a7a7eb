using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Raw Pulumi.Kubernetes code that installs Argo another way: a Helm release or chart of <c>argo-workflows</c>
/// (<see cref="HelmArgoWorkflowsValuesRule"/>), a ConfigFile/ConfigGroup of the quick-start manifests
/// (<see cref="QuickStartManifestRule"/>), a binding of <c>cluster-admin</c> to argo-server
/// (<see cref="ServerClusterAdminBindingRule"/>), for one compilation. Run by <see cref="ArgsHardenedValuesAnalyzer"/>
/// from the object creation callback it has anyway, dispatched by the created Args type: a separate analyzer paid the
/// driver one more callback for every object creation of the compilation.
/// (RoleBindings into the controller's namespace are ARGO0002, collected by <see cref="WorkflowsInControllerNamespaceAnalyzer"/>.)
/// </summary>
internal sealed class PulumiKubernetesArgoInstall
{
    private static readonly object Helm = new();

    private readonly ArgoSymbols _symbols;

    // What each watched type is to these rules: its rule, or the Helm marker (read when its block ends).
    private readonly Dictionary<INamedTypeSymbol, object> _byType = new(SymbolEqualityComparer.Default);

    // The same, or null, by a created type definition's symbol object: any other creation, a program's own classes
    // included, costs one reference lookup.
    private readonly SymbolMemo<ITypeSymbol, object> _ruleOf;

    // A Helm release or chart is read when its code block ends, from the block action (see HelmArgoWorkflowsValuesRule).
    private readonly PendingByBlock<List<IObjectCreationOperation>> _pendingHelm = new(static () => new List<IObjectCreationOperation>());

    private PulumiKubernetesArgoInstall(ArgoSymbols symbols)
    {
        _symbols = symbols;
        _ruleOf = new SymbolMemo<ITypeSymbol, object>(type => type is INamedTypeSymbol named && _byType.TryGetValue(named, out var rule) ? rule : null);
    }

    /// <summary>The rules of one compilation; null when it has none of the types they read.</summary>
    public static PulumiKubernetesArgoInstall? Create(ArgoSymbols symbols)
    {
        if (!symbols.HasPulumiKubernetes)
        {
            return null;
        }

        var install = new PulumiKubernetesArgoInstall(symbols);
        install.Add(symbols.YamlV2ConfigFileArgs, QuickStartManifestRule.Analyze);
        install.Add(symbols.YamlV2ConfigGroupArgs, QuickStartManifestRule.Analyze);
        install.Add(symbols.YamlConfigFileArgs, QuickStartManifestRule.Analyze);
        install.Add(symbols.YamlConfigGroupArgs, QuickStartManifestRule.Analyze);
        if (symbols.SubjectArgs is not null && symbols.RoleRefArgs is not null)
        {
            install.Add(symbols.RoleBindingArgs, ServerClusterAdminBindingRule.Analyze);
            install.Add(symbols.ClusterRoleBindingArgs, ServerClusterAdminBindingRule.Analyze);
        }

        foreach (var type in new[] { symbols.HelmV3ReleaseArgs, symbols.HelmV4ChartArgs, symbols.HelmV3ChartArgs, symbols.HelmV3LocalChartArgs })
        {
            install.Add(type, Helm);
        }

        return install._byType.Count == 0 ? null : install;
    }

    /// <summary>One object creation (<paramref name="definition"/>: its type's): its rule runs now, or, for a Helm release or chart, at the end of its block.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol definition)
    {
        if (creation.Initializer is null)
        {
            return;
        }

        var rule = _ruleOf.Get(definition);
        if (rule is Action<OperationAnalysisContext, ArgoSymbols> analyze)
        {
            analyze(context, _symbols);
        }
        else if (rule == Helm)
        {
            _pendingHelm.Update(creation, creation, static (creations, creation) => creations.Add(creation));
        }
    }

    /// <summary>The end of a code block: its Helm releases and charts are read, with every value written in the block.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void EndBlock(OperationBlockAnalysisContext context)
    {
        if (_pendingHelm.TakeEnded(context.OperationBlocks) is not { } ended)
        {
            return;
        }

        foreach (var creations in ended)
        {
            foreach (var creation in creations)
            {
                HelmArgoWorkflowsValuesRule.Analyze(creation, context.ReportDiagnostic);
            }
        }
    }

    private void Add(INamedTypeSymbol? type, Action<OperationAnalysisContext, ArgoSymbols> analyze) => Add(type, (object)analyze);

    private void Add(INamedTypeSymbol? type, object rule)
    {
        if (type is not null)
        {
            _byType[type] = rule;
        }
    }
}
