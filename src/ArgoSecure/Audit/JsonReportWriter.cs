using System.Text.Json;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Writes a report as JSON: every finding (accepted ones too), the notes, the refused inputs and a summary.</summary>
public static class JsonReportWriter
{
    /// <summary>Writes the report.</summary>
    public static void Write(AuditReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "argosecure");
        json.WriteString("version", typeof(JsonReportWriter).Assembly.GetName().Version?.ToString(3));
        WriteStrings(json, "inputs", report.Inputs);
        json.WriteNumber("objects", report.ObjectCount);
        WriteStrings(json, "installs", report.Installs);
        json.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", f.RuleId);
            json.WriteString("title", f.Rule.Title);
            json.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", f.Message);
            json.WriteString("file", f.Location.File);
            json.WriteNumber("line", f.Location.Line);
            json.WriteStartObject("object");
            json.WriteString("kind", f.Object.Kind);
            json.WriteString("namespace", f.Object.Namespace);
            json.WriteString("name", f.Object.Name);
            json.WriteEndObject();
            WriteStrings(json, "installs", f.Installs);
            json.WriteBoolean("accepted", f.IsAccepted);
            json.WriteString("justification", f.Justification);
            json.WriteString("helpUri", f.HelpUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "notes", report.Notes);
        json.WriteStartArray("refused");
        foreach (var refusal in report.Refused)
        {
            json.WriteStartObject();
            json.WriteString("input", refusal.Input);
            json.WriteString("limit", refusal.Limit);
            json.WriteString("reason", refusal.Reason);
            json.WriteString("fix", refusal.Fix);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var open = report.Findings.Where(f => !f.IsAccepted).ToList();
        json.WriteStartObject("summary");
        json.WriteNumber("error", open.Count(f => f.Severity == RuleSeverity.Error));
        json.WriteNumber("warning", open.Count(f => f.Severity == RuleSeverity.Warning));
        json.WriteNumber("info", open.Count(f => f.Severity == RuleSeverity.Info));
        json.WriteNumber("accepted", report.Findings.Count - open.Count);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
