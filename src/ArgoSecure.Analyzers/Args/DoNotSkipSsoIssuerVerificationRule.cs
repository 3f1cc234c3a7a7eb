using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0006: <c>SsoArgs.InsecureSkipVerify = true</c> trusts any issuer certificate.</summary>
internal sealed class DoNotSkipSsoIssuerVerificationRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.SsoInsecureSkipVerify,
        ArgoDescriptors.Title(RuleCatalog.SsoInsecureSkipVerify),
        ArgoDescriptors.Message(RuleCatalog.SsoInsecureSkipVerify),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.SsoInsecureSkipVerify),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.SsoInsecureSkipVerify + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.SsoArgs, "InsecureSkipVerify", Replacements.IsTrue, Replacements.False));
    }
}
