using ArgoSecure.Releases;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>What every check reads (the installation) and where it reports.</summary>
public sealed class AuditContext
{
    private readonly List<(AuditFinding Finding, KubeObject? Subject)> findings = [];

    private readonly IReadOnlyList<string> installs;

    /// <summary>Creates a context for an install of the newest supported release.</summary>
    public AuditContext(ArgoInstallation installation)
        : this(installation, ArgoReleases.Newest, null)
    {
    }

    /// <summary>Creates a context for an install of <paramref name="release"/> (<paramref name="tag"/> when known).</summary>
    public AuditContext(ArgoInstallation installation, ArgoRelease release, ReleaseTag? tag)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(release);
        Installation = installation;
        Release = release;
        ReleaseTag = tag;
        installs = installation.Name is null ? [] : [installation.Name];
    }

    /// <summary>The release line whose defaults apply to settings the install leaves out.</summary>
    public ArgoRelease Release { get; }

    /// <summary>The release tag the install runs (its images, or <c>--argo-version</c>), or null when not pinned.</summary>
    public ReleaseTag? ReleaseTag { get; }

    /// <summary>The reconstructed installation (one install of the input, or the objects of none).</summary>
    public ArgoInstallation Installation { get; }

    /// <summary>Reports a finding on an object; <paramref name="at"/> locates the offending value (else the object).</summary>
    public void Report(string ruleId, KubeObject subject, YNode? at, string message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        findings.Add((new AuditFinding(RuleCatalog.Get(ruleId), subject.Ref, at?.Location ?? subject.Location, message, installs: installs), subject));
    }

    /// <summary>The findings, with acceptances applied, sorted deterministically and without duplicates.</summary>
    public IReadOnlyList<AuditFinding> Results(List<string> notes)
    {
        var result = new List<AuditFinding>();
        var seen = new HashSet<(string, string, int, string, string)>();
        foreach (var (finding, subject) in findings)
        {
            if (!seen.Add((finding.RuleId, finding.Location.File, finding.Location.Line, finding.Object.ToString(), finding.Message)))
            {
                continue;
            }

            var justification = subject?.Annotation(AcceptanceAnnotation.Prefix + finding.RuleId);
            result.Add(justification is null ? finding : finding.Accept(justification));
        }

        foreach (var o in Installation.Objects)
        {
            foreach (var (key, value) in o.Annotations)
            {
                if (!key.StartsWith(AcceptanceAnnotation.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var id = key[AcceptanceAnnotation.Prefix.Length..];
                if (!RuleCatalog.TryGet(id, out _))
                {
                    notes.Add($"{o.Location}: {o.Ref}: annotation '{key}' names no ArgoSecure rule; use argosecure.io/accept-ARGO00NN with an ID from 'argosecure rules'.");
                }
                else if (string.IsNullOrWhiteSpace(value))
                {
                    notes.Add($"{o.Location}: {o.Ref}: annotation '{key}' has no justification, so the risk is not accepted; write why the risk is acceptable.");
                }
            }
        }

        // Empty justifications do not accept anything.
        result = result.Select(f => f.IsAccepted && string.IsNullOrWhiteSpace(f.Justification)
            ? new AuditFinding(f.Rule, f.Object, f.Location, f.Message, installs: f.Installs) : f).ToList();

        return result
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Object.ToString(), StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>The annotation that accepts a rule's risk on one object.</summary>
public static class AcceptanceAnnotation
{
    /// <summary>The prefix; the rule ID follows (<c>argosecure.io/accept-ARGO0004</c>), the value is the justification.</summary>
    public const string Prefix = "argosecure.io/accept-";
}
