using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0005: <c>SsoArgs.RbacEnabled = false</c> lets every SSO user act as argo-server.</summary>
internal sealed class DoNotDisableSsoRbacRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.SsoWithoutRbac,
        ArgoDescriptors.Title(RuleCatalog.SsoWithoutRbac),
        ArgoDescriptors.Message(RuleCatalog.SsoWithoutRbac),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.SsoWithoutRbac),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.SsoWithoutRbac + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.SsoArgs, "RbacEnabled", Replacements.IsFalse, Replacements.True));
    }
}
