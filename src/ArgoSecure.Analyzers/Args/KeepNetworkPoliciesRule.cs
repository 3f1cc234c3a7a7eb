using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0011: <c>NetworkPolicies = false</c> on the controller, the server or a workflow namespace.</summary>
internal sealed class KeepNetworkPoliciesRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.NetworkPoliciesDisabled,
        ArgoDescriptors.Title(RuleCatalog.NetworkPoliciesDisabled),
        ArgoDescriptors.Message(RuleCatalog.NetworkPoliciesDisabled),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.NetworkPoliciesDisabled),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.NetworkPoliciesDisabled + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ArgoControllerArgs, "NetworkPolicies", Replacements.IsFalse, Replacements.True));
        checks.Add(new PropertyCheck(symbols.ArgoServerArgs, "NetworkPolicies", Replacements.IsFalse, Replacements.True));
        checks.Add(new PropertyCheck(symbols.WorkflowNamespaceArgs, "NetworkPolicies", Replacements.IsFalse, Replacements.True));
    }
}
