using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0017: <c>Pprof = true</c> or a CORS origin <c>*</c>.</summary>
internal sealed class DoNotEnableDebugSurfacesRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.DebugSurfaceEnabled,
        ArgoDescriptors.Title(RuleCatalog.DebugSurfaceEnabled),
        ArgoDescriptors.Message(RuleCatalog.DebugSurfaceEnabled),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.DebugSurfaceEnabled),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.DebugSurfaceEnabled + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.ArgoControllerArgs, "Pprof", Replacements.IsTrue, Replacements.False));
        checks.Add(new PropertyCheck(symbols.ArgoServerArgs, "AccessControlAllowOrigin", v => v is string s && s.Trim() == "*", ArgoDescriptors.RemoveAssignment));
    }
}
