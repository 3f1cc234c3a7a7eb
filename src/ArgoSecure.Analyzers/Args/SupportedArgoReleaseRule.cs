using System.Collections.Generic;
using ArgoSecure.Releases;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0026: <c>ArgoImages.Version</c> is a release tag of a line ArgoSecure does not support (for example <c>v3.6.5</c>).</summary>
internal sealed class SupportedArgoReleaseRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.UnsupportedRelease,
        ArgoDescriptors.Title(RuleCatalog.UnsupportedRelease),
        ArgoDescriptors.Message(RuleCatalog.UnsupportedRelease),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.UnsupportedRelease),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.UnsupportedRelease + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ArgoImages, "Version", v => v is string s && ReleaseTag.IsUnsupportedRelease(s.Trim()), null));
    }
}
