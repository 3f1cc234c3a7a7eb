using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>ARGO0008: no workflow mounts its service account token into user code.</summary>
internal sealed class TokenAutomountCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowTokenAutomounted;

    public override IReadOnlyList<string> SpecFields { get; } = ["automountServiceAccountToken"];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.Pods}.all(p, !{Cel.Is("p", "automountServiceAccountToken", "true")})";

    public override string Problem(EnforcementScope scope) =>
        "automountServiceAccountToken: true (of the spec or a template) hands a Kubernetes token to the main container. "
        + "Remove it; the executor reports results with its own account.";
}
