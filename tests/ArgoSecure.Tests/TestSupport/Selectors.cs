using k8s.Models;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>Kubernetes label selector matching, for NetworkPolicy tests.</summary>
public static class Selectors
{
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null)
        {
            return false;
        }

        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key, out var actual);
            var ok = requirement.OperatorProperty switch
            {
                "In" => has && requirement.Values.Contains(actual!),
                "NotIn" => !has || !requirement.Values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => throw new InvalidOperationException("unknown operator " + requirement.OperatorProperty),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
