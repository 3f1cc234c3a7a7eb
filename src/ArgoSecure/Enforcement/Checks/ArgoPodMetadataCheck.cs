using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>
/// ARGO0022: authors do not set Argo's own <c>workflows.argoproj.io/*</c> labels or annotations on pods (Argo copies
/// them over its own); the documented sidecar kill-command annotations are the exception.
/// </summary>
internal sealed class ArgoPodMetadataCheck : AdmissionCheck
{
    /// <summary>The prefix of Argo's own pod labels and annotations.</summary>
    public const string ArgoPrefix = "workflows.argoproj.io/";

    /// <summary>Annotations Argo documents for authors: the command that stops a sidecar.</summary>
    public const string KillCommandPrefix = ArgoPrefix + "kill-cmd-";

    public override string RuleId => RuleCatalog.WorkflowArgoPodMetadata;

    /// <summary>True when an author may not set this pod label or annotation key (the audit reads the same rule).</summary>
    public static bool IsArgoOwned(string key, bool annotation) =>
        key.StartsWith(ArgoPrefix, StringComparison.Ordinal) && !(annotation && key.StartsWith(KillCommandPrefix, StringComparison.Ordinal));

    public override IReadOnlyList<string> SpecFields { get; } = ["podMetadata"];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.PodMetadata}.all(l, l.all(m, {Cel.MapAt("m", "labels")}.all(k, !k.startsWith({Cel.Quote(ArgoPrefix)}))"
        + $" && {Cel.MapAt("m", "annotations")}.all(k, !k.startsWith({Cel.Quote(ArgoPrefix)}) || k.startsWith({Cel.Quote(KillCommandPrefix)}))))";

    public override string Problem(EnforcementScope scope) =>
        $"podMetadata or a template's metadata sets a '{ArgoPrefix}' label or annotation, which Argo, its NetworkPolicies and pod garbage collection rely on. "
        + $"Use your own keys ('{KillCommandPrefix}<container>' annotations are allowed).";
}
