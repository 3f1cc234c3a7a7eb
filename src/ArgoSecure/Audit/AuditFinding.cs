using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>One insecure choice found in manifests: the rule, where, on which object, and whether it is accepted.</summary>
public sealed class AuditFinding
{
    /// <summary>Creates a finding.</summary>
    public AuditFinding(Rule rule, AuditObjectRef obj, SourceLocation location, string message, string? justification = null, IReadOnlyList<string>? installs = null)
    {
        Rule = rule;
        Object = obj;
        Location = location;
        Message = message;
        Justification = justification;
        Installs = installs ?? [];
    }

    /// <summary>The rule broken.</summary>
    public Rule Rule { get; }

    /// <summary>The rule ID.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The rule's default severity.</summary>
    public RuleSeverity Severity => Rule.Severity;

    /// <summary>The object the finding is about.</summary>
    public AuditObjectRef Object { get; }

    /// <summary>The file and line of the offending value (or of the object).</summary>
    public SourceLocation Location { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>The justification of an <c>argosecure.io/accept-ARGO00NN</c> annotation, or null.</summary>
    public string? Justification { get; }

    /// <summary>
    /// The installs the finding belongs to (their <see cref="ArgoInstallation.Name"/>): one, several for an object they
    /// share (a ClusterRole bound by several), none for an object of no install.
    /// </summary>
    public IReadOnlyList<string> Installs { get; }

    /// <summary>True when the risk is accepted on the object.</summary>
    public bool IsAccepted => Justification is not null;

    /// <summary>The help page.</summary>
    public string HelpUri => Rule.HelpUri;

    /// <summary>The same finding, accepted.</summary>
    public AuditFinding Accept(string justification) => new(Rule, Object, Location, Message, justification, Installs);

    /// <summary>The same finding, belonging to these installs.</summary>
    public AuditFinding WithInstalls(IReadOnlyList<string> installs) => new(Rule, Object, Location, Message, Justification, installs);
}

/// <summary>What the audit found in its inputs.</summary>
public sealed class AuditReport
{
    /// <summary>Creates a report.</summary>
    public AuditReport(IReadOnlyList<string> inputs, IReadOnlyList<AuditFinding> findings, IReadOnlyList<string> notes, int objectCount, IReadOnlyList<string>? installs = null)
    {
        Inputs = inputs;
        Findings = findings;
        Notes = notes;
        ObjectCount = objectCount;
        Installs = installs ?? [];
    }

    /// <summary>The files and folders audited, as given.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The findings, sorted by file, line, rule and object.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    /// <summary>What was not read or not interpreted, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>How many objects were audited.</summary>
    public int ObjectCount { get; }

    /// <summary>Every install found (with findings or not), in input order.</summary>
    public IReadOnlyList<string> Installs { get; }

    /// <summary>The inputs left out whole (unreadable, or beyond a reading limit); none of their objects were audited.</summary>
    public IReadOnlyList<InputRefusal> Refused { get; init; } = [];

    /// <summary>The distinct rule IDs found, sorted (accepted ones included).</summary>
    public IReadOnlyList<string> RuleIds => Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>True when an unaccepted finding is at or above the threshold (null: never).</summary>
    public bool Fails(RuleSeverity? threshold) => threshold is { } t && Findings.Any(f => !f.IsAccepted && f.Severity >= t);
}
