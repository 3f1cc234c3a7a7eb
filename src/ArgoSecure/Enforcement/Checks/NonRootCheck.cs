using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>ARGO0007: no pod or container security context asks for root (uid 0) or turns runAsNonRoot off.</summary>
internal sealed class NonRootCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowPodsMayRunAsRoot;

    public override IReadOnlyList<string> SpecFields { get; } = ["securityContext"];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.PodSecurityContexts}.all(s, {NonRoot("s")}) && {PolicyVariables.ContainerSecurityContexts}.all(l, l.all(s, {NonRoot("s")}))";

    public override string Problem(EnforcementScope scope) =>
        "a securityContext (of the spec, a template or a container) sets runAsUser: 0 or runAsNonRoot: false. "
        + "Remove them: workflow pods run as a non-root user by default.";

    private static string NonRoot(string context) =>
        $"!{Cel.Is(context, "runAsNonRoot", "false")} && !{Cel.Is(context, "runAsUser", "0")}";
}
