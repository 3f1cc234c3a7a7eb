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

    /// <summary>Audits objects already loaded, as one input (which may hold several installs).</summary>
    public static AuditReport Audit(IReadOnlyList<KubeObject> objects, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null) =>
        Audit([objects], inputs, notes);

    /// <summary>
    /// Audits installation units (each kustomize build is its own input), each split into its installs; every install
    /// gets every check. Findings that several installs or units give alike are reported once, listing all their installs.
    /// </summary>
    public static AuditReport Audit(IReadOnlyList<IReadOnlyList<KubeObject>> units, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        var allNotes = new List<string>(notes ?? []);
        var merged = new Dictionary<(string, string, int, string, string, string?), (AuditFinding Finding, List<string> Installs)>();
        var installNames = new List<string>();
        foreach (var objects in units)
        {
            foreach (var installation in ArgoInstallation.FindAll(objects, allNotes))
            {
                if (installation.Name is { } name)
                {
                    installNames.Add(name);
                }

                var context = new AuditContext(installation);
                ComponentChecks.Run(context);
                ArgoPodChecks.Run(context);
                ConfigChecks.Run(context);
                RbacChecks.Run(context);
                NetworkPolicyChecks.Run(context);
                WorkflowSpecChecks.Run(context);
                AdmissionPolicyChecks.Run(context);
                SecretChecks.Run(context);
                ImageChecks.Run(context);
                foreach (var finding in context.Results(allNotes))
                {
                    var key = (finding.RuleId, finding.Location.File, finding.Location.Line, finding.Object.ToString(), finding.Message, finding.Justification);
                    if (!merged.TryGetValue(key, out var entry))
                    {
                        merged[key] = entry = (finding, []);
                    }

                    entry.Installs.AddRange(finding.Installs.Where(i => !entry.Installs.Contains(i)));
                }
            }
        }

        var findings = merged.Values
            .Select(e => e.Finding.WithInstalls(e.Installs))
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Object.ToString(), StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        var objectCount = units.SelectMany(u => u).Distinct().Count();
        return new AuditReport(inputs, findings, allNotes.Distinct(StringComparer.Ordinal).ToList(), objectCount, installNames.Distinct(StringComparer.Ordinal).ToList());
    }
}
