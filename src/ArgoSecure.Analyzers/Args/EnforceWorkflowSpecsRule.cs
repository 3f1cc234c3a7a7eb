using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0023: workflow specs not enforced at admission: <c>AdmissionGuard = false</c> (no policy at all), or a
/// <c>WorkflowSpecEnforcement</c> of <c>Warn</c> or <c>Off</c> on the controller or a workflow namespace.
/// </summary>
internal sealed class EnforceWorkflowSpecsRule : PropertyRule
{
    private const long Warn = 1;
    private const long Off = 2;

    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.WorkflowSpecsNotEnforced,
        ArgoDescriptors.Title(RuleCatalog.WorkflowSpecsNotEnforced),
        ArgoDescriptors.Message(RuleCatalog.WorkflowSpecsNotEnforced),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowSpecsNotEnforced),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowSpecsNotEnforced + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        var deny = Replacements.Member("ArgoSecure.WorkflowSpecEnforcement", "Deny");
        checks.Add(new PropertyCheck(symbols.ArgoControllerArgs, "AdmissionGuard", Replacements.IsFalse, Replacements.True));
        checks.Add(new PropertyCheck(symbols.ArgoControllerArgs, "WorkflowSpecEnforcement", IsNotEnforcing, deny));
        checks.Add(new PropertyCheck(symbols.WorkflowNamespaceArgs, "WorkflowSpecEnforcement", IsNotEnforcing, deny));
    }

    private static bool IsNotEnforcing(object? value) => OperationExtensions.ConstantEquals(value, Warn) || OperationExtensions.ConstantEquals(value, Off);
}
