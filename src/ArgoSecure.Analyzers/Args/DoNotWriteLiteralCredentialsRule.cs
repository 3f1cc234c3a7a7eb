using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0016: <c>SecretKeyReference.LiteralValue</c> set to a constant writes a credential into code and state.</summary>
internal sealed class DoNotWriteLiteralCredentialsRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.LiteralCredential,
        ArgoDescriptors.Title(RuleCatalog.LiteralCredential),
        ArgoDescriptors.Message(RuleCatalog.LiteralCredential),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.LiteralCredential),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.LiteralCredential + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.SecretKeyReference, "LiteralValue", v => v is string, ArgoDescriptors.RemoveAssignment));
    }
}
