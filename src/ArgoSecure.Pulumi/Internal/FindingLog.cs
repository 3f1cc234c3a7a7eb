using ArgoSecure.Rules;
using ArgoSecure.Validation;
using Pulumi;

namespace ArgoSecure.Pulumi.Internal;

/// <summary>Where the components send the findings they do not refuse (Pulumi's log; tests swap it).</summary>
internal interface IFindingSink
{
    void Warn(string message, Resource resource);

    void Info(string message, Resource resource);
}

/// <summary>Reports the non-blocking findings of a validation on a component, with their rule IDs.</summary>
internal static class FindingLog
{
    private sealed class PulumiSink : IFindingSink
    {
        public void Warn(string message, Resource resource) => Log.Warn(message, resource);

        public void Info(string message, Resource resource) => Log.Info(message, resource);
    }

    private static readonly IFindingSink Default = new PulumiSink();

    /// <summary>The sink in use; tests replace it (they run serially, as Pulumi's test engine requires).</summary>
    internal static IFindingSink Sink { get; set; } = Default;

    /// <summary>Puts back Pulumi's log.</summary>
    internal static void Reset() => Sink = Default;

    /// <summary>
    /// Warnings and accepted risks (with their justification) go to the warning log, advisories to the info log.
    /// Blocking findings never get here: the component refused to register.
    /// </summary>
    public static void Report(Resource component, string label, ValidationResult? validation)
    {
        if (validation is null)
        {
            return;
        }

        foreach (var finding in validation.Findings)
        {
            var severity = finding.Severity.ToString().ToLowerInvariant();
            if (finding.IsAccepted)
            {
                Sink.Warn($"{label}: accepted risk {finding.RuleId} ({severity}): {finding.Message} Justification: {finding.Acceptance!.Justification} See {finding.HelpUri}", component);
            }
            else if (finding.Severity == RuleSeverity.Info)
            {
                Sink.Info($"{label}: {severity} {finding.RuleId}: {finding.Message} See {finding.HelpUri}", component);
            }
            else
            {
                Sink.Warn($"{label}: {severity} {finding.RuleId}: {finding.Message} See {finding.HelpUri}", component);
            }
        }
    }
}
