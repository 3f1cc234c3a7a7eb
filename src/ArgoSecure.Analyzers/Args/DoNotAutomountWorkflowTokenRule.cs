using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0008: <c>WorkflowPodDefaults.AutomountServiceAccountToken = true</c> hands a token to user code.</summary>
internal sealed class DoNotAutomountWorkflowTokenRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.WorkflowTokenAutomounted,
        ArgoDescriptors.Title(RuleCatalog.WorkflowTokenAutomounted),
        ArgoDescriptors.Message(RuleCatalog.WorkflowTokenAutomounted),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowTokenAutomounted),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowTokenAutomounted + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.WorkflowPodDefaults, "AutomountServiceAccountToken", Replacements.IsTrue, Replacements.False));
    }
}
