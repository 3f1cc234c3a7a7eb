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
        ["printed-yaml"] = PrintedYaml,
    };

    /// <summary>
    /// The fast reader of printed YAML against YamlDotNet: whatever the fast reader reads, YamlDotNet must read to the
    /// same trees and count of values; a difference is a crash.
    /// </summary>
    public static void PrintedYaml(byte[] data)
    {
        var text = System.Text.Encoding.UTF8.GetString(data);
        var fastBudget = new ReadingBudget(ReadingLimits.Default);
        var fast = PrintedYamlReader.TryRead(text, "fuzz.yaml", fastBudget, 0);
        if (fast is null)
        {
            return;
        }

        var referenceBudget = new ReadingBudget(ReadingLimits.Default);
        IReadOnlyList<YNode> reference;
        try
        {
            reference = YamlTree.ParseWithYamlDotNet(text, "fuzz.yaml", referenceBudget);
        }
        catch (Exception e) when (e is AuditInputException or InputLimitException)
        {
            throw new InvalidOperationException($"the fast reader read a text YamlDotNet refuses: {e.Message}", e);
        }

        if (reference.Count != fast.Count || referenceBudget.NodesRead != fastBudget.NodesRead)
        {
            throw new InvalidOperationException($"{reference.Count} documents and {referenceBudget.NodesRead} values by YamlDotNet, {fast.Count} and {fastBudget.NodesRead} by the fast reader");
        }

        for (var i = 0; i < fast.Count; i++)
        {
            if (YamlTree.FirstDifference(reference[i], fast[i], $"document {i + 1}") is { } difference)
            {
                throw new InvalidOperationException($"YamlDotNet vs the fast reader: {difference}");
            }
        }
    }

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
