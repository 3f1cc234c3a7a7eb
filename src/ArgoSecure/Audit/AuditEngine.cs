using ArgoSecure.Input;
using ArgoSecure.Releases;

namespace ArgoSecure.Audit;

/// <summary>Runs every audit check over a set of objects and returns the findings.</summary>
public static class AuditEngine
{
    /// <summary>
    /// Audits files and folders of manifests, and optionally a values file of the argo-workflows Helm chart, reading
    /// every input under <paramref name="limits"/> (default: <see cref="ReadingLimits.Default"/>). An input that cannot
    /// be read or goes beyond a limit is left out whole and listed in <see cref="AuditReport.Refused"/>; the others are
    /// audited. The path <c>-</c> reads <paramref name="standardInput"/> (default: the process's standard input).
    /// Kustomization folders are built as <paramref name="kustomize"/> says (default: the built-in subset).
    /// </summary>
    /// <param name="paths">Manifest files and folders; <c>-</c> is standard input.</param>
    /// <param name="helmValuesFile">A values file of the argo-workflows chart, or null.</param>
    /// <param name="limits">The reading limits.</param>
    /// <param name="standardInput">What <c>-</c> reads.</param>
    /// <param name="kustomize">How kustomization folders are built.</param>
    /// <param name="argoVersion">The Argo release every install runs (a tag of a supported line), or null to read it from the images.</param>
    public static AuditReport Audit(IReadOnlyList<string> paths, string? helmValuesFile = null, ReadingLimits? limits = null, Func<Stream>? standardInput = null,
        KustomizeChoice? kustomize = null, string? argoVersion = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var loader = new ManifestLoader(new ReadingBudget(limits ?? ReadingLimits.Default))
        {
            StandardInput = standardInput ?? Console.OpenStandardInput,
            Kustomizing = kustomize ?? KustomizeChoice.BuiltIn,
        };
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
        return Audit(units, inputs, notes, refused, loader.Budget.Limits, argoVersion);
    }

    /// <summary>Audits objects already loaded, as one input (which may hold several installs).</summary>
    public static AuditReport Audit(IReadOnlyList<KubeObject> objects, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null, string? argoVersion = null) =>
        Audit([objects], inputs, notes, argoVersion: argoVersion);

    /// <summary>
    /// Audits installation units (each kustomize build is its own input), each split into its installs; every install
    /// gets every check. Findings that several installs or units give alike are reported once, listing all their installs.
    /// YAML held in strings is read under <paramref name="limits"/>: when it goes beyond one, the file it is in is refused
    /// and the audit runs again without that file's objects, so nothing of a refused file is reported.
    /// </summary>
    public static AuditReport Audit(IReadOnlyList<IReadOnlyList<KubeObject>> units, IReadOnlyList<string> inputs, IEnumerable<string>? notes = null,
        IReadOnlyList<InputRefusal>? refused = null, ReadingLimits? limits = null, string? argoVersion = null)
    {
        if (argoVersion is not null && ArgoReleases.TagOf(argoVersion) is not { IsSupported: true })
        {
            throw new ArgumentException($"'{argoVersion}' is not a release of a supported Argo line ({ReleaseTag.SupportedLinesText}).", nameof(argoVersion));
        }

        ArgumentNullException.ThrowIfNull(units);
        var allRefused = new List<InputRefusal>(refused ?? []);
        while (true)
        {
            try
            {
                return Run(units, inputs, notes, allRefused, limits ?? ReadingLimits.Default, argoVersion);
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
        IReadOnlyList<InputRefusal> refused, ReadingLimits limits, string? argoVersion)
    {
        var allNotes = new List<string>(notes ?? []);
        var merged = new Dictionary<(string, string, int, string, string, string?), (AuditFinding Finding, List<string> Installs)>();
        var installNames = new List<string>();
        foreach (var objects in units)
        {
            foreach (var installation in ArgoInstallation.FindAll(objects, allNotes, limits))
            {
                if (installation.Name is { } name)
                {
                    installNames.Add(name);
                }

                var (release, tag) = ReleaseChecks.Of(installation, argoVersion);
                var context = new AuditContext(installation, release, tag);
                ComponentChecks.Run(context);
                ArgoPodChecks.Run(context);
                ConfigChecks.Run(context);
                RbacChecks.Run(context);
                NetworkPolicyChecks.Run(context);
                WorkflowSpecChecks.Run(context);
                AdmissionPolicyChecks.Run(context);
                SecretChecks.Run(context);
                ImageChecks.Run(context);
                ReleaseChecks.Run(context, allNotes);
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
        return new AuditReport(inputs, findings, allNotes.Distinct(StringComparer.Ordinal).ToList(), objectCount, installNames.Distinct(StringComparer.Ordinal).ToList())
        {
            Refused = refused,
        };
    }
}
