using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>
/// Collects RBAC grants (group, resource, optional resource names, verbs) and emits them as a small, stable list
/// of PolicyRules: one rule per group, resource-name set and verb set, resources merged, everything sorted.
/// </summary>
internal sealed class RbacRuleSet
{
    private readonly SortedDictionary<(string Group, string Resource, string Names), SortedSet<string>> _grants = new();

    public RbacRuleSet Allow(string group, string resource, params string[] verbs) => AllowNamed(group, resource, [], verbs);

    public RbacRuleSet Allow(string group, IEnumerable<string> resources, params string[] verbs)
    {
        foreach (var resource in resources)
        {
            Allow(group, resource, verbs);
        }

        return this;
    }

    /// <summary>Allows verbs on the named objects only (resourceNames).</summary>
    public RbacRuleSet AllowNamed(string group, string resource, IEnumerable<string> names, params string[] verbs)
    {
        var key = (group, resource, string.Join(",", names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        if (!_grants.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            _grants[key] = set;
        }

        set.UnionWith(verbs);
        return this;
    }

    public RbacRuleSet Add(RbacRuleSet other)
    {
        foreach (var ((group, resource, names), verbs) in other._grants)
        {
            AllowNamed(group, resource, names.Length == 0 ? [] : names.Split(','), [.. verbs]);
        }

        return this;
    }

    public List<V1PolicyRule> ToRules() =>
        _grants
            .GroupBy(g => (g.Key.Group, g.Key.Names, Verbs: string.Join(",", g.Value)))
            .Select(g => new V1PolicyRule
            {
                ApiGroups = [g.Key.Group],
                Resources = g.Select(x => x.Key.Resource).Order(StringComparer.Ordinal).ToList(),
                ResourceNames = g.Key.Names.Length == 0 ? null : g.Key.Names.Split(',').ToList(),
                Verbs = g.Key.Verbs.Split(',').ToList(),
            })
            .OrderBy(r => r.ApiGroups[0], StringComparer.Ordinal)
            .ThenBy(r => string.Join(",", r.Resources), StringComparer.Ordinal)
            .ThenBy(r => string.Join(",", r.ResourceNames ?? []), StringComparer.Ordinal)
            .ToList();
}
