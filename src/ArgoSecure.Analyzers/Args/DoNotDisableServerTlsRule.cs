using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0004: <c>ServerTlsArgs.Enabled = false</c> serves argo-server in plain text.</summary>
internal sealed class DoNotDisableServerTlsRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.ServerTlsDisabled,
        ArgoDescriptors.Title(RuleCatalog.ServerTlsDisabled),
        ArgoDescriptors.Message(RuleCatalog.ServerTlsDisabled),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.ServerTlsDisabled),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.ServerTlsDisabled + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ServerTlsArgs, "Enabled", Replacements.IsFalse, Replacements.True));
    }
}
