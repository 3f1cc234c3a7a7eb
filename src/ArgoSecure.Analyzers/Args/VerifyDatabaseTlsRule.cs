using System.Collections.Generic;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0014: <c>PersistenceArgs.TlsMode</c> <c>Disable</c> or <c>Require</c> leaves the database connection unverified.</summary>
internal sealed class VerifyDatabaseTlsRule : PropertyRule
{
    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.DatabaseWithoutVerifiedTls,
        ArgoDescriptors.Title(RuleCatalog.DatabaseWithoutVerifiedTls),
        ArgoDescriptors.Message(RuleCatalog.DatabaseWithoutVerifiedTls),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.DatabaseWithoutVerifiedTls),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.DatabaseWithoutVerifiedTls + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks)
    {
        checks.Add(new PropertyCheck(symbols.PersistenceArgs, "TlsMode", v => OperationExtensions.ConstantEquals(v, 0) || OperationExtensions.ConstantEquals(v, 1), Replacements.Member("ArgoSecure.DatabaseTlsMode", "VerifyFull")));
    }
}
