using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>ARGO0009: the executor (init and wait containers) runs only as the namespace's executor account, which holds its token.</summary>
internal sealed class ExecutorServiceAccountCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowDefaultServiceAccount;

    public override IReadOnlyList<string> SpecFields { get; } = ["executor"];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.Pods}.all(p, {Cel.UnsetOrOneOf("p", "executor.serviceAccountName", [scope.ExecutorServiceAccount])})";

    public override string Problem(EnforcementScope scope) =>
        $"executor.serviceAccountName (of the spec or a template) is not '{scope.ExecutorServiceAccount}', the executor's service account in {scope.Where}. "
        + "Leave it unset or name that account.";
}
