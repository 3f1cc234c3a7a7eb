using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0013: <c>MetricsArgs.Secure = false</c> or <c>ScrapeFromAnyNamespace = true</c> while metrics are on.</summary>
internal sealed class ServeMetricsSecurelyRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.MetricsExposed,
        ArgoDescriptors.Title(RuleCatalog.MetricsExposed),
        ArgoDescriptors.Message(RuleCatalog.MetricsExposed),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.MetricsExposed),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.MetricsExposed + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.MetricsArgs, "Secure", Replacements.IsFalse, Replacements.True));
        checks.Add(new PropertyCheck(symbols.MetricsArgs, "ScrapeFromAnyNamespace", Replacements.IsTrue, Replacements.False));
    }

    // Metrics turned off in the same initializer: nothing is served, as the validator decides.
    public override bool IsHarmlessInContext(ISimpleAssignmentOperation assignment, ArgoSymbols symbols) =>
        assignment.Parent is IObjectOrCollectionInitializerOperation initializer &&
        initializer.ValueOf(ArgoSymbols.Property(symbols.MetricsArgs, "Enabled")).TryGetConstant(out var enabled) &&
        enabled is false;
}
