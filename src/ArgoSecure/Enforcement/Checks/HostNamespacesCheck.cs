using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>ARGO0020: no workflow pod shares the node's network, PID or IPC namespace.</summary>
internal sealed class HostNamespacesCheck : AdmissionCheck
{
    private static readonly string[] Fields = ["hostNetwork", "hostPID", "hostIPC"];

    public override string RuleId => RuleCatalog.WorkflowHostNamespaces;

    public override IReadOnlyList<string> SpecFields => Fields;

    public override string Expression(EnforcementScope scope) =>
        $"{PolicyVariables.Pods}.all(p, {string.Join(" && ", Fields.Select(f => "!" + Cel.Is("p", f, "true")))})";

    public override string Problem(EnforcementScope scope) =>
        "hostNetwork, hostPID or hostIPC: true puts the workflow's pods into the node's namespaces. Remove it.";
}
