using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0010: <c>TemplateReferencing.None</c> lets submitters run any pod spec.</summary>
internal sealed class RestrictWorkflowsToTemplatesRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.NoWorkflowRestrictions,
        ArgoDescriptors.Title(RuleCatalog.NoWorkflowRestrictions),
        ArgoDescriptors.Message(RuleCatalog.NoWorkflowRestrictions),
        RuleCatalog.Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.NoWorkflowRestrictions),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.NoWorkflowRestrictions + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ArgoControllerArgs, "TemplateReferencing", v => OperationExtensions.ConstantEquals(v, 0), Replacements.Member("ArgoSecure.TemplateReferencing", "Secure")));
    }
}
