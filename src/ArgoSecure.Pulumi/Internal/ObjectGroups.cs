using ArgoSecure.Planning;
using Pulumi;
using ConfigGroup = Pulumi.Kubernetes.Yaml.V2.ConfigGroup;
using ConfigGroupArgs = Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs;

namespace ArgoSecure.Pulumi.Internal;

/// <summary>Registers planned objects as <c>kubernetes:yaml/v2:ConfigGroup</c> children of a component.</summary>
internal static class ObjectGroups
{
    /// <summary>The stable child-name suffix of the group that holds namespaces.</summary>
    public const string NamespaceSuffix = "namespace";

    /// <summary>The stable child-name suffix of the group that holds the CustomResourceDefinitions.</summary>
    public const string CrdsSuffix = "crds";

    /// <summary>The stable child-name suffix of the group that holds the component's other objects.</summary>
    public const string ObjectsSuffix = "objects";

    /// <summary>The stable child-name suffix of the admission guard's group.</summary>
    public const string AdmissionGuardSuffix = "admission-guard";

    /// <summary>True for the objects that must exist before anything else: namespaces and CRDs.</summary>
    public static bool IsNamespace(PlannedObject planned) => planned.Kind == "Namespace";

    /// <summary>
    /// One ConfigGroup named <c>{name}-{suffix}</c> holding <paramref name="objects"/> in plan order, parented
    /// to <paramref name="owner"/> (so it inherits the owner's providers), depending on
    /// <paramref name="dependsOn"/>; null when there is nothing to register.
    /// </summary>
    public static ConfigGroup? Register(
        Resource owner,
        string name,
        string suffix,
        IEnumerable<PlannedObject> objects,
        IEnumerable<Resource?> dependsOn)
    {
        var list = objects.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var options = new ComponentResourceOptions
        {
            Parent = owner,
            DependsOn = dependsOn.OfType<Resource>().ToArray(),
        };
        return new ConfigGroup($"{name}-{suffix}", new ConfigGroupArgs { Objs = PlainObjects.ToObjs(list) }, options);
    }

    /// <summary>An output with the value <paramref name="value"/> that resolves once <paramref name="group"/> is registered.</summary>
    public static Output<T> After<T>(ConfigGroup? group, T value) =>
        group is null ? Output.Create(value) : group.Resources.Apply(_ => value);
}
