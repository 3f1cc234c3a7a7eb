using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0009: <c>WorkflowPodDefaults.ServiceAccountName = "default"</c> shares the namespace's default account.</summary>
internal sealed class DoNotRunWorkflowsAsDefaultServiceAccountRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.WorkflowDefaultServiceAccount,
        ArgoDescriptors.Title(RuleCatalog.WorkflowDefaultServiceAccount),
        ArgoDescriptors.Message(RuleCatalog.WorkflowDefaultServiceAccount),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowDefaultServiceAccount),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowDefaultServiceAccount + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.WorkflowPodDefaults, "ServiceAccountName", v => v is string s && s.Trim() == "default", Replacements.Member("ArgoSecure.WorkflowPodDefaults", "DefaultServiceAccountName")));
    }
}
