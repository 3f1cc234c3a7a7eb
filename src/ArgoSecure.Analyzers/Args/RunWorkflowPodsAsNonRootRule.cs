using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0007: <c>WorkflowPodDefaults.RunAsNonRoot = false</c> or <c>RunAsUser = 0</c> lets workflow pods run as root.</summary>
internal sealed class RunWorkflowPodsAsNonRootRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.WorkflowPodsMayRunAsRoot,
        ArgoDescriptors.Title(RuleCatalog.WorkflowPodsMayRunAsRoot),
        ArgoDescriptors.Message(RuleCatalog.WorkflowPodsMayRunAsRoot),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowPodsMayRunAsRoot),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowPodsMayRunAsRoot + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.WorkflowPodDefaults, "RunAsNonRoot", Replacements.IsFalse, Replacements.True));
        checks.Add(new PropertyCheck(symbols.WorkflowPodDefaults, "RunAsUser", v => OperationExtensions.ConstantEquals(v, 0), Replacements.Member("ArgoSecure.WorkflowPodDefaults", "ArgoNonRootUid")));
    }
}
