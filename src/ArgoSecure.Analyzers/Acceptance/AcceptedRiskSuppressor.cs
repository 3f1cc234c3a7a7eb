using System.Collections.Generic;
using System.Collections.Immutable;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Honors the risks accepted in the Args: a diagnostic that the analyzers marked as accepted by its Args object
/// (<see cref="AcceptedRisks.JustificationKey"/>) is suppressed, so the build is clean and the error log keeps it
/// as suppressed. The acceptance is decided where the diagnostic is made; this only reads the mark, so it binds nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AcceptedRiskSuppressor : DiagnosticSuppressor
{
    /// <summary>The justification every suppression of this suppressor names (the user's own is in the diagnostic's properties).</summary>
    internal const string Justification = "The risk is accepted in the Args' AcceptedRisks with a written justification";

    private static readonly Dictionary<string, SuppressionDescriptor> ByRule = CreateDescriptors();

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.CreateRange(ByRule.Values);

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Properties.TryGetValue(AcceptedRisks.JustificationKey, out var justification) &&
                AcceptedRisks.IsUsable(justification) && ByRule.TryGetValue(diagnostic.Id, out var descriptor))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }

    /// <summary>The suppression ID of a rule: <c>ARGO0004</c> is suppressed as <c>ARGO0004-accepted</c>.</summary>
    internal static string SuppressionId(string ruleId) => ruleId + "-accepted";

    private static Dictionary<string, SuppressionDescriptor> CreateDescriptors()
    {
        var descriptors = new Dictionary<string, SuppressionDescriptor>(System.StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.CheckedBy.HasFlag(RuleChecks.Analyzers) && AcceptedRisks.CanBeAccepted(rule.Id))
            {
                descriptors[rule.Id] = new SuppressionDescriptor(SuppressionId(rule.Id), rule.Id, Justification);
            }
        }

        return descriptors;
    }
}
