using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0027: <c>new AcceptedRisk { … }</c> whose justification is blank or not a string known at compile time. The
/// analyzers honor only what they can read, so such an acceptance suppresses nothing; this says so where it is written.
/// </summary>
internal static class UnusableAcceptanceRule
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleCatalog.UnusableAcceptance,
        ArgoDescriptors.Title(RuleCatalog.UnusableAcceptance),
        ArgoDescriptors.Message(RuleCatalog.UnusableAcceptance),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.UnusableAcceptance),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.UnusableAcceptance + ".md");

    /// <summary>Reports an <c>AcceptedRisk</c> creation whose justification the analyzers cannot honor.</summary>
    public static void Analyze(OperationAnalysisContext context, IObjectCreationOperation creation)
    {
        IOperation? justification = null;
        foreach (var (property, value, node) in creation.Initializer.PropertyValues())
        {
            if (property.Name == "Justification")
            {
                justification = node;
                if (AcceptedRisks.IsUsable(value.KnownString()))
                {
                    return;
                }
            }
        }

        // var risk = new AcceptedRisk { RuleId = … }; risk.Justification = "…";
        if (creation.InitializedLocal() is { } local)
        {
            OperationExtensions.LocalWrites(creation, local, out var writes);
            foreach (var (property, value, node) in writes)
            {
                if (property.Name == "Justification")
                {
                    justification = node;
                    if (AcceptedRisks.IsUsable(value.KnownString()))
                    {
                        return;
                    }
                }
            }
        }

        // Not set: the default is blank.
        context.ReportDiagnostic(Diagnostic.Create(Rule, (justification ?? creation).Syntax.GetLocation(), "AcceptedRisk.Justification"));
    }
}
