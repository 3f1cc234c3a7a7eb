using ArgoSecure.Audit;
using ArgoSecure.Input;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Validation;

namespace ArgoSecure.Fuzz;

/// <summary>
/// One harness per reader. Each takes the fuzzer's bytes as an input file and runs it the way the CLI would; the
/// refusals a user sees (unreadable input, a reading limit, invalid options) are expected, any other exception is a
/// crash for the fuzzer to keep.
/// </summary>
internal static class Harnesses
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["manifests"] = Manifests,
        ["helm-values"] = HelmValues,
        ["options"] = Options,
    };

    /// <summary>The manifest reader and the whole audit (every check, every report format).</summary>
    public static void Manifests(byte[] data)
    {
        var loader = new ManifestLoader(new ReadingBudget(ReadingLimits.Default));
        try
        {
            var objects = loader.LoadStream(new MemoryStream(data), "fuzz.yaml");
            Report(AuditEngine.Audit([objects], ["fuzz.yaml"], loader.Notes, limits: loader.Budget.Limits));
        }
        catch (Exception e) when (e is AuditInputException or InputLimitException)
        {
        }
    }

    /// <summary>The Helm values reader, the chart model and the audit of what it builds.</summary>
    public static void HelmValues(byte[] data)
    {
        var loader = new ManifestLoader(new ReadingBudget(ReadingLimits.Default));
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(data);
            var chart = HelmChartValues.Read(text, "values.yaml", loader);
            Report(AuditEngine.Audit([chart.Objects], ["values.yaml"], chart.Notes, limits: loader.Budget.Limits));
        }
        catch (Exception e) when (e is AuditInputException or InputLimitException)
        {
        }
    }

    /// <summary>The options-file binder, then validation, planning and rendering of what it bound.</summary>
    public static void Options(byte[] data)
    {
        try
        {
            var args = OptionsFile.Parse(System.Text.Encoding.UTF8.GetString(data), "options.yaml");
            _ = ManifestRenderer.Render(Planner.Plan(args));
        }
        catch (Exception e) when (e is OptionsException or ArgoSecureValidationException)
        {
        }
    }

    private static void Report(AuditReport report)
    {
        using var buffer = new MemoryStream();
        JsonReportWriter.Write(report, buffer);
        SarifReportWriter.Write(report, buffer);
        TextReportWriter.Write(report, TextWriter.Null, colour: false);
    }
}
