using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0010: <c>TemplateReferencing.None</c> lets submitters run any pod spec.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RestrictWorkflowsToTemplatesAnalyzer : InsecurePropertyValueAnalyzer
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

    private protected override DiagnosticDescriptor Rule => Descriptor;

    private protected override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ArgoControllerArgs, "TemplateReferencing", v => OperationExtensions.ConstantEquals(v, 0), Replacements.Member("ArgoSecure.TemplateReferencing", "Secure")));
    }
}
