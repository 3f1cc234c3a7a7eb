using ArgoSecure.Enforcement.Checks;

namespace ArgoSecure.Enforcement;

/// <summary>
/// Every check of the workflow-spec admission policies, in the order they are rendered. A new check is one class
/// here; the planner, the audit and the tests read this list.
/// </summary>
internal static class AdmissionChecks
{
    public static IReadOnlyList<AdmissionCheck> All { get; } =
    [
        new ServiceAccountCheck(),
        new ExecutorServiceAccountCheck(),
        new TokenAutomountCheck(),
        new NonRootCheck(),
        new PodSpecPatchCheck(),
        new HostNamespacesCheck(),
        new PrivilegeCheck(),
        new ArgoPodMetadataCheck(),
        new ImageEntrypointCheck(),
        new HttpTemplateCheck(),
        new PluginTemplateCheck(),
        new MemoizationCheck(),
    ];

    /// <summary>The rules the checks enforce.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = All.Select(c => c.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The rules of the hardened posture (ARGO0023 reports a policy that leaves one out); the ARGO0025 checks only
    /// refuse early what the install cannot run, so a policy without them is not less secure.
    /// </summary>
    public static IReadOnlyList<string> PostureRuleIds { get; } = RuleIds.Where(id => id != Rules.RuleCatalog.WorkflowNeedsDisabledFeature).ToList();

    /// <summary>The top-level spec fields some check or variable reads.</summary>
    public static IReadOnlyList<string> SpecFields { get; } =
        PolicyVariables.SpecFields.Concat(All.SelectMany(c => c.SpecFields)).Distinct(StringComparer.Ordinal).ToList();
}
