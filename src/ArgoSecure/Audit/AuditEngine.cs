namespace ArgoSecure.Audit;

/// <summary>Runs every audit check over a set of objects and returns the findings.</summary>
public static class AuditEngine
{
    /// <summary>Audits files and folders of manifests, and optionally a values file of the argo-workflows Helm chart.</summary>
    /// <exception cref="AuditInputException">An input cannot be read.</exception>
    public static AuditReport Audit(IReadOnlyList<string> paths, string? helmValuesFile = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loader = new ManifestLoader();
        var inputs = paths.ToList();
        HelmChartValues? chart = null;
        if (helmValuesFile is not null)
        {
            chart = HelmChartValues.Load(helmValuesFile, loader);
            inputs.Add(helmValuesFile);
        }

        var units = loader.LoadUnits(paths, chart?.Objects);
        var notes = new List<string>(loader.Notes);
        notes.AddRange(chart?.Notes ?? []);
        return Audit(units, inputs, notes);
    }

    /// <summary>Audits objects already loaded, as one installation.</summary>
    public static AuditReport Audit(IReadOnlyList<KubeObject> objects, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null) =>
        Audit([objects], inputs, notes);

    /// <summary>Audits installation units (each its own installation) and merges their findings.</summary>
    public static AuditReport Audit(IReadOnlyList<IReadOnlyList<KubeObject>> units, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var allNotes = new List<string>(notes ?? []);
        var findings = new List<AuditFinding>();
        foreach (var objects in units)
        {
            var installation = ArgoInstallation.From(objects);
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
        return new AuditReport(inputs, merged, allNotes.Distinct(StringComparer.Ordinal).ToList(), objectCount);
    }
}
