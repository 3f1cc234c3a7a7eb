using System.Text.Json;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>
/// Writes a report as SARIF 2.1.0, the shape GitHub code scanning accepts: the rule catalogue as
/// <c>tool.driver.rules</c>, one result per finding with a file (relative when possible) and start line, and accepted
/// findings as results with an external suppression carrying the justification.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>The SARIF schema.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes the report.</summary>
    public static void Write(AuditReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = RuleCatalog.All;
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "argosecure");
        json.WriteString("semanticVersion", typeof(SarifReportWriter).Assembly.GetName().Version?.ToString(3));
        json.WriteString("informationUri", "https://github.com/argosecure/argosecure");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var f in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", f.RuleId);
            json.WriteNumber("ruleIndex", index[f.RuleId]);
            json.WriteString("level", Level(f.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", $"{f.Object}: {f.Message}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(f.Location.File));
            json.WriteEndObject();
            if (f.Location.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", f.Location.Line);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", f.Object.ToString());
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("argosecure/v1", $"{f.RuleId}|{f.Object}");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("installs");
            foreach (var install in f.Installs)
            {
                json.WriteStringValue(install);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (f.IsAccepted)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "external");
                json.WriteString("status", "accepted");
                json.WriteString("justification", f.Justification);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        // Refused inputs are not findings: SARIF reports them as the run's execution notifications.
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.Refused.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var refusal in report.Refused)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", refusal.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The SARIF level of a severity.</summary>
    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "note",
    };

    private static string Uri(string file)
    {
        var path = file.Replace('\\', '/');
        if (Path.IsPathRooted(file))
        {
            return new Uri(Path.GetFullPath(file)).AbsoluteUri;
        }

        return string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string PascalName(string title) =>
        string.Concat(title.Split(' ', '\'', '-', ',', '(', ')', '/').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
