using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>ARGO0009: workflow pods run only as the namespace's allowed service accounts (the guide: any account of the namespace can be named).</summary>
internal sealed class ServiceAccountCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowDefaultServiceAccount;

    public override IReadOnlyList<string> SpecFields { get; } = ["serviceAccountName"];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.Pods}.all(p, {Cel.UnsetOrOneOf("p", "serviceAccountName", scope.AllowedServiceAccounts)})"
        + $" && {PolicyVariables.ArtifactGCs}.all(l, l.all(g, {Cel.UnsetOrOneOf("g", "serviceAccountName", scope.AllowedServiceAccounts)}))";

    public override string Problem(EnforcementScope scope) =>
        $"serviceAccountName (of the spec, a template or artifactGC) names a service account that {scope.Where} does not allow; allowed: {string.Join(", ", scope.AllowedServiceAccounts)}. "
        + "Leave it unset to run as the workflow service account, or name an allowed one.";
}
