using System.Reflection;
using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Creates KubernetesClient models with apiVersion, kind and metadata filled in.</summary>
internal static class KubeObjects
{
    public static T Create<T>(string name, string? @namespace, IDictionary<string, string>? labels, IDictionary<string, string>? annotations = null)
        where T : IKubernetesObject<V1ObjectMeta>, new()
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a Kubernetes entity.");
        return new T
        {
            ApiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}",
            Kind = entity.Kind,
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = @namespace,
                Labels = labels is null ? null : new SortedDictionary<string, string>(labels, StringComparer.Ordinal),
                Annotations = annotations is null || annotations.Count == 0 ? null : new SortedDictionary<string, string>(annotations, StringComparer.Ordinal),
            },
        };
    }
}
