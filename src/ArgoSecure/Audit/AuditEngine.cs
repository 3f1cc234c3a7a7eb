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
        var objects = new List<KubeObject>(loader.Load(paths));
        var notes = new List<string>(loader.Notes);
        var inputs = paths.ToList();
        if (helmValuesFile is not null)
        {
            var chart = HelmChartValues.Load(helmValuesFile, loader);
            objects.AddRange(chart.Objects);
            notes.AddRange(chart.Notes);
            inputs.Add(helmValuesFile);
        }

        return Audit(objects, inputs, notes);
    }

    /// <summary>Audits objects already loaded.</summary>
    public static AuditReport Audit(IReadOnlyList<KubeObject> objects, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var installation = ArgoInstallation.From(objects);
        var context = new AuditContext(installation);
        ComponentChecks.Run(context);
        ConfigChecks.Run(context);
        RbacChecks.Run(context);
        NetworkPolicyChecks.Run(context);
        WorkflowSpecChecks.Run(context);
        SecretChecks.Run(context);
        ImageChecks.Run(context);

        var allNotes = new List<string>(notes ?? []);
        allNotes.AddRange(installation.Notes);
        var findings = context.Results(allNotes);
        return new AuditReport(inputs, findings, allNotes, objects.Count);
    }
}
