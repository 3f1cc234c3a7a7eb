using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0016: <c>SecretKeyReference.LiteralValue</c> set to a constant writes a credential into code and state.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotWriteLiteralCredentialsAnalyzer : InsecurePropertyValueAnalyzer
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

    private protected override DiagnosticDescriptor Rule => Descriptor;

    private protected override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.SecretKeyReference, "LiteralValue", v => v is string, ArgoDescriptors.RemoveAssignment));
    }
}
