using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0001: <c>Scope = InstallScope.Namespaced("argo")</c> where the object's namespace (set in the same
/// initializer, or the default <c>argo</c>) is that same namespace; and a lone namespaced
/// <c>WorkflowNamespaceArgs</c> named after its controller's namespace.
/// </summary>
internal static class ManagedNamespaceIsControllerNamespaceRule
{
    /// <summary>The default namespace of the controller and the server (<c>ArgoControllerArgs.DefaultNamespace</c>).</summary>
    internal const string DefaultNamespace = "argo";

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleCatalog.ManagedNamespaceIsControllerNamespace,
        ArgoDescriptors.Title(RuleCatalog.ManagedNamespaceIsControllerNamespace),
        ArgoDescriptors.Message(RuleCatalog.ManagedNamespaceIsControllerNamespace),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.ManagedNamespaceIsControllerNamespace),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.ManagedNamespaceIsControllerNamespace + ".md");

    /// <summary>Reports a namespace install of the object's own namespace in one initializer.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static void Analyze(OperationAnalysisContext context, ArgoSymbols symbols, ITypeSymbol type, IObjectOrCollectionInitializerOperation initializer)
    {
        var isController = type.IsOrDerives(symbols.ArgoControllerArgs);
        if (isController || type.IsOrDerives(symbols.ArgoServerArgs))
        {
            var scope = initializer.ValueOf(isController ? symbols.ControllerScope : symbols.ServerScope);
            if (NamespacedArgument(scope, symbols) is not { } managed || managed.ConstantString() is not { } managedName)
            {
                return;
            }

            var ns = NamespaceOf(initializer, isController ? symbols.ControllerNamespace : symbols.ServerNamespace);
            if (ns is not null && string.Equals(ns, managedName, System.StringComparison.Ordinal))
            {
                context.ReportDiagnostic(AcceptedRisks.Create(Rule, scope!, scope!.Syntax.GetLocation(), null, type.Name + ".Scope"));
            }
        }
        else if (type.IsOrDerives(symbols.WorkflowNamespaceArgs))
        {
            if (NamespacedArgument(initializer.ValueOf(symbols.WorkflowNamespaceScope), symbols) is null)
            {
                return;
            }

            var nameValue = initializer.ValueOf(symbols.WorkflowNamespaceName);
            var controllerNamespace = NamespaceOf(initializer, symbols.WorkflowNamespaceControllerNamespace);
            if (nameValue.ConstantString() is { } name && controllerNamespace is not null && string.Equals(name, controllerNamespace, System.StringComparison.Ordinal))
            {
                context.ReportDiagnostic(AcceptedRisks.Create(Rule, nameValue!, nameValue!.Parent?.Syntax.GetLocation() ?? nameValue.Syntax.GetLocation(), null, type.Name + ".Name"));
            }
        }
    }

    /// <summary>
    /// Reports <c>local.Scope = InstallScope.Namespaced(ns)</c> outside an initializer when the local was created in the
    /// same body with a known namespace (its initializer's, or the default) that equals <c>ns</c>, and nothing else in
    /// the body assigns its <c>Namespace</c>. Anything else is left to validation.
    /// </summary>
    public static void AnalyzeAssignment(OperationAnalysisContext context, ArgoSymbols symbols, ISimpleAssignmentOperation assignment, IPropertySymbol scopeProperty)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation ||
            NamespacedArgument(assignment.Value, symbols)?.ConstantString() is not { } managed ||
            assignment.Target is not IPropertyReferenceOperation { Instance: ILocalReferenceOperation local })
        {
            return;
        }

        var namespaceProperty = scopeProperty.Is(symbols.ControllerScope) ? symbols.ControllerNamespace : symbols.ServerNamespace;
        var creation = OperationExtensions.CreationOfLocal(assignment, local.Local, new[] { namespaceProperty }, assignment, out var namespaceChanged);
        if (creation is null || namespaceChanged)
        {
            return; // Made elsewhere, or its namespace changes in this body (order and branches would need flow analysis).
        }

        var ns = creation.Initializer is null ? DefaultNamespace : NamespaceOf(creation.Initializer, namespaceProperty);
        if (ns is not null && string.Equals(ns, managed, System.StringComparison.Ordinal))
        {
            context.ReportDiagnostic(AcceptedRisks.Create(Rule, assignment, assignment.Value.Syntax.GetLocation(), null, scopeProperty.ContainingType.Name + ".Scope"));
        }
    }

    /// <summary>The namespace an initializer gives, the default when it gives none, null when it is not a constant.</summary>
    internal static string? NamespaceOf(IObjectOrCollectionInitializerOperation initializer, IPropertySymbol? property)
    {
        var value = initializer.ValueOf(property);
        return value is null ? DefaultNamespace : value.ConstantString();
    }

    /// <summary>The argument of <c>InstallScope.Namespaced(x)</c>, or null when the value is not that call.</summary>
    internal static IOperation? NamespacedArgument(IOperation? scope, ArgoSymbols symbols) =>
        scope?.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "Namespaced", Arguments.Length: 1 } invocation &&
        SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.InstallScope)
            ? invocation.Arguments[0].Value
            : null;
}
