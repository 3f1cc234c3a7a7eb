using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>
/// ARGO0025, memoization (reference F9): the controller reads and updates the cache ConfigMap a template names, in
/// its own namespace, shared by every workflow namespace. Refused unless the cache is one this place may use: the
/// controller may touch only the listed caches, and a namespace only its own, so no team can poison another's outputs.
/// </summary>
internal sealed class MemoizationCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowNeedsDisabledFeature;

    public override IReadOnlyList<string> SpecFields { get; } = [];

    public override string Expression(EnforcementScope scope)
    {
        var caches = scope.Features.MemoizationCaches;
        var allowed = caches.Count == 0 ? "false" : Cel.OneOf("t", "memoize.cache.configMap.name", caches);
        return $"{PolicyVariables.Templates}.all(t, !{Cel.IsMap("t", "memoize")} || {allowed})";
    }

    public override string Problem(EnforcementScope scope)
    {
        var caches = scope.Features.MemoizationCaches;
        return caches.Count == 0
            ? $"memoize needs a cache ConfigMap the controller may read and update, and {scope.Where} has none; the node would fail at run time. "
                + "List the cache in the namespace's MemoizationCaches (the controller's for ClusterWorkflowTemplates), or remove memoize."
            : $"memoize.cache.configMap.name must be one of the caches of {scope.Where} ({string.Join(", ", caches)}); the controller may not touch others. "
                + "Use one of them, or add the cache to MemoizationCaches.";
    }
}
