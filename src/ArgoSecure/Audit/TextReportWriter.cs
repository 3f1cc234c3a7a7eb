using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Writes a report for people: findings grouped by install, then by object, optionally in colour.</summary>
public static class TextReportWriter
{
    /// <summary>Writes the report.</summary>
    public static void Write(AuditReport report, TextWriter output, bool colour)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string Paint(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;

        // Installs in the order their first finding appears; shared objects after them, objects of no install last.
        var byInstall = report.Findings
            .GroupBy(f => string.Join(", ", f.Installs))
            .OrderBy(g => g.First().Installs.Count switch { 0 => 2, 1 => 0, _ => 1 })
            .ThenBy(g => g.Min(f => f.Location.File), StringComparer.Ordinal)
            .ThenBy(g => g.Min(f => f.Location.Line))
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var install in byInstall)
        {
            var heading = install.First().Installs.Count switch
            {
                0 => "Objects of no install",
                1 => $"Install {install.Key}",
                _ => $"Shared by the installs {install.Key}",
            };
            output.WriteLine(Paint(heading, "1;4"));
            var groups = install
                .GroupBy(f => f.Object)
                .OrderBy(g => g.Min(f => f.Location.File), StringComparer.Ordinal)
                .ThenBy(g => g.Min(f => f.Location.Line))
                .ThenBy(g => g.Key.ToString(), StringComparer.Ordinal);
            foreach (var group in groups)
            {
                output.WriteLine("  " + Paint(group.Key.ToString(), "1"));
                foreach (var finding in group)
                {
                    var severity = finding.IsAccepted ? "accepted" : finding.Severity.ToString().ToLowerInvariant();
                    var code = finding.IsAccepted ? "2" : finding.Severity switch
                    {
                        RuleSeverity.Error => "31",
                        RuleSeverity.Warning => "33",
                        _ => "36",
                    };
                    output.WriteLine($"    {finding.Location}: {Paint(severity, code)} {finding.RuleId}: {finding.Message}");
                    if (finding.IsAccepted)
                    {
                        output.WriteLine($"        accepted: {finding.Justification}");
                    }

                    output.WriteLine($"        {finding.HelpUri}");
                }
            }

            output.WriteLine();
        }

        var open = report.Findings.Where(f => !f.IsAccepted).ToList();
        var accepted = report.Findings.Count - open.Count;
        output.WriteLine(
            $"{report.ObjectCount} object(s) in {report.Installs.Count} install(s) audited: {open.Count(f => f.Severity == RuleSeverity.Error)} error(s), " +
            $"{open.Count(f => f.Severity == RuleSeverity.Warning)} warning(s), {open.Count(f => f.Severity == RuleSeverity.Info)} info, {accepted} accepted.");
    }
}
