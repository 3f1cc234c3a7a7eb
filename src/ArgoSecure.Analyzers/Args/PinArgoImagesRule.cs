using System.Collections.Generic;
using ArgoSecure.Releases;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0018: <c>ArgoImages.Version</c> that is not a release tag (for example <c>latest</c>).</summary>
internal sealed class PinArgoImagesRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.UnpinnedImage,
        ArgoDescriptors.Title(RuleCatalog.UnpinnedImage),
        ArgoDescriptors.Message(RuleCatalog.UnpinnedImage),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.UnpinnedImage),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.UnpinnedImage + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ArgoImages, "Version", v => v is string s && s.Trim().Length > 0 && !ReleaseTag.TryParse(s, out _), null));
    }
}
