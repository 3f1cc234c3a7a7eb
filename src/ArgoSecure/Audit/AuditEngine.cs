using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>Runs every audit check over a set of objects and returns the findings.</summary>
public static class AuditEngine
{
    /// <summary>
    /// Audits files and folders of manifests, and optionally a values file of the argo-workflows Helm chart, reading
    /// every input under <paramref name="limits"/> (default: <see cref="ReadingLimits.Default"/>). An input that cannot
    /// be read or goes beyond a limit is left out whole and listed in <see cref="AuditReport.Refused"/>; the others are
    /// audited.
    /// </summary>
    public static AuditReport Audit(IReadOnlyList<string> paths, string? helmValuesFile = null, ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loader = new ManifestLoader(new ReadingBudget(limits ?? ReadingLimits.Default));
        var inputs = paths.ToList();
        var refused = new List<InputRefusal>();
        HelmChartValues? chart = null;
        if (helmValuesFile is not null)
        {
            var checkpoint = loader.Budget.Checkpoint();
            try
            {
                chart = HelmChartValues.Load(helmValuesFile, loader);
            }
            catch (Exception e) when (InputRefusal.From(e, helmValuesFile) is { } refusal)
            {
                loader.Budget.Restore(checkpoint);
                refused.Add(refusal);
            }

            inputs.Add(helmValuesFile);
        }

        var units = loader.LoadUnits(paths, chart?.Objects);
        refused.InsertRange(0, loader.Refused);
        var notes = new List<string>(loader.Notes);
        notes.AddRange(chart?.Notes ?? []);
        return Audit(units, inputs, notes, refused, loader.Budget.Limits);
    }

    /// <summary>Audits objects already loaded, as one installation.</summary>
    public static AuditReport Audit(IReadOnlyList<KubeObject> objects, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null) =>
        Audit([objects], inputs, notes);

    /// <summary>
    /// Audits installation units (each its own installation) and merges their findings. YAML held in strings is read
    /// under <paramref name="limits"/>: when it goes beyond one, the file it is in is refused and the audit runs again
    /// without that file's objects, so nothing of a refused file is reported.
    /// </summary>
    public static AuditReport Audit(IReadOnlyList<IReadOnlyList<KubeObject>> units, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null,
        IReadOnlyList<InputRefusal>? refused = null, ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var allRefused = new List<InputRefusal>(refused ?? []);
        while (true)
        {
            try
            {
                return Run(units, inputs, notes, allRefused, limits ?? ReadingLimits.Default);
            }
            catch (InputLimitException e)
            {
                // Each pass leaves out at least one more file, so this ends.
                var file = units.SelectMany(u => u).Select(o => o.Location.File).FirstOrDefault(f => e.Input == f || e.Input.StartsWith(f + ":", StringComparison.Ordinal));
                if (file is null)
                {
                    throw;
                }

                allRefused.Add(new InputRefusal(e.Input, e.Reason, e.Fix, e.Limit, e));
                units = units.Select(u => (IReadOnlyList<KubeObject>)u.Where(o => o.Location.File != file).ToList()).ToList();
            }
        }
    }

    private static AuditReport Run(IReadOnlyList<IReadOnlyList<KubeObject>> units, IReadOnlyList<string> inputs, IEnumerable<string>? notes,
        IReadOnlyList<InputRefusal> refused, ReadingLimits limits)
    {
        var allNotes = new List<string>(notes ?? []);
        var findings = new List<AuditFinding>();
        foreach (var objects in units)
        {
            var installation = ArgoInstallation.From(objects, limits);
            var context = new AuditContext(installation);
            ComponentChecks.Run(context);
            ConfigChecks.Run(context);
            RbacChecks.Run(context);
            NetworkPolicyChecks.Run(context);
            WorkflowSpecChecks.Run(context);
            AdmissionPolicyChecks.Run(context);
            SecretChecks.Run(context);
            ImageChecks.Run(context);
            allNotes.AddRange(installation.Notes);
            findings.AddRange(context.Results(allNotes));
        }

        var merged = findings
            .DistinctBy(f => (f.RuleId, f.Location.File, f.Location.Line, f.Object.ToString(), f.Message, f.Justification))
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Object.ToString(), StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        var objectCount = units.SelectMany(u => u).Distinct().Count();
        return new AuditReport(inputs, merged, allNotes.Distinct(StringComparer.Ordinal).ToList(), objectCount) { Refused = refused };
    }
}
