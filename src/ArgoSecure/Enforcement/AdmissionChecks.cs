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
    ];

    /// <summary>The rules the checks enforce.</summary>
    public static IReadOnlyList<string> RuleIds { get; } = All.Select(c => c.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The top-level spec fields some check or variable reads.</summary>
    public static IReadOnlyList<string> SpecFields { get; } =
        PolicyVariables.SpecFields.Concat(All.SelectMany(c => c.SpecFields)).Distinct(StringComparer.Ordinal).ToList();
}
