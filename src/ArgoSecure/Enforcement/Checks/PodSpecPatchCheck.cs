using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>ARGO0019: no podSpecPatch, which rewrites the pod after Argo built it.</summary>
internal sealed class PodSpecPatchCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowPodSpecPatch;

    public override IReadOnlyList<string> SpecFields { get; } = ["podSpecPatch"];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.Pods}.all(p, {Cel.UnsetOrOneOf("p", "podSpecPatch", [])})";

    public override string Problem(EnforcementScope scope) =>
        "podSpecPatch (of the spec, a template or artifactGC) rewrites the pod unreviewed. "
        + "Use the template's own fields (securityContext, volumes, resources, tolerations) instead.";
}
