using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>
/// ARGO0025, HTTP templates (reference F12, F14-F16, §3.3): they run in an agent pod as the workflow's
/// <c>spec.serviceAccountName</c>. Refused where HTTP templates are off; where they are on, refused when the agent
/// would run as another account than the one holding the agent role and token, or read a header Secret it may not.
/// </summary>
internal sealed class HttpTemplateCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowNeedsDisabledFeature;

    public override IReadOnlyList<string> SpecFields { get; } = ["serviceAccountName"];

    public override bool AppliesTo(EnforcementScope scope) => scope.Features.HttpTemplates is not null;

    public override string Expression(EnforcementScope scope)
    {
        var features = scope.Features;
        var templates = PolicyVariables.Templates;
        if (features.HttpTemplates != true)
        {
            return $"{templates}.all(t, !{Cel.IsMap("t", "http")})";
        }

        var headers = $"{Cel.MapsIn("t", "http.headers", "h")}.all(h, !{Cel.IsMap("h", "valueFrom.secretKeyRef")} || {Cel.UnsetOrOneOf("h", "valueFrom.secretKeyRef.name", features.HeaderSecrets)})";
        var account = Cel.UnsetOrOneOf(PolicyVariables.Spec, "serviceAccountName", [scope.WorkflowServiceAccount]);
        return $"{templates}.all(t, !{Cel.IsMap("t", "http")} || {headers}) && ({account} || !{templates}.exists(t, {Cel.IsMap("t", "http")}))";
    }

    public override string Problem(EnforcementScope scope) =>
        scope.Features.HttpTemplates == true
            ? $"an http template runs in an agent pod as spec.serviceAccountName, which must stay '{scope.WorkflowServiceAccount}' (the account with the agent role and token in {scope.Where}), "
                + $"and its headers may read only the Secrets in HttpTemplates.HeaderSecrets ({(scope.Features.HeaderSecrets.Count == 0 ? "none" : string.Join(", ", scope.Features.HeaderSecrets))}); the node would fail at run time. "
                + "Leave spec.serviceAccountName unset, or add the Secret to HttpTemplates.HeaderSecrets."
            : $"an http template needs an agent pod, which {scope.Where} does not allow (no task-set grants, agent role or agent egress); the node would fail at run time. "
                + "Turn HTTP templates on for the namespace (WorkflowNamespaceArgs.HttpTemplates with its Egress), or use a container template.";
}
