using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>
/// ARGO0021: no container is privileged, may escalate privileges, or adds a capability (other than
/// NET_BIND_SERVICE, the one Pod Security 'restricted' allows).
/// </summary>
internal sealed class PrivilegeCheck : AdmissionCheck
{
    /// <summary>The only capability Pod Security 'restricted' lets a container add.</summary>
    public const string AllowedCapability = "NET_BIND_SERVICE";

    public override string RuleId => RuleCatalog.WorkflowPrivilegedContainer;

    public override IReadOnlyList<string> SpecFields { get; } = [];

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.ContainerSecurityContexts}.all(l, l.all(s, !{Cel.Is("s", "privileged", "true")} && !{Cel.Is("s", "allowPrivilegeEscalation", "true")}"
        + $" && {Cel.ListAt("s", "capabilities.add")}.all(c, c == {Cel.Quote(AllowedCapability)})))";

    public override string Problem(EnforcementScope scope) =>
        $"a container (main, script, containerSet, init or sidecar) sets privileged: true, allowPrivilegeEscalation: true or adds a capability other than {AllowedCapability}. "
        + "Remove them; set allowPrivilegeEscalation: false.";
}
