using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>
/// ARGO0025, plugin templates: they need executor plugins, which ArgoSecure never turns on (a plugin is a ConfigMap
/// whose sidecar then runs in every agent pod of the namespace); without them the agent fails every plugin node.
/// </summary>
internal sealed class PluginTemplateCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowNeedsDisabledFeature;

    public override IReadOnlyList<string> SpecFields { get; } = [];

    public override string Expression(EnforcementScope scope) => $"{PolicyVariables.Templates}.all(t, !{Cel.IsMap("t", "plugin")})";

    public override string Problem(EnforcementScope scope) =>
        "a plugin template needs executor plugins (the controller's --executor-plugins), which ArgoSecure installs never turn on; the node would fail at run time. "
        + "Use an http template (WorkflowNamespaceArgs.HttpTemplates) or a container template.";
}
