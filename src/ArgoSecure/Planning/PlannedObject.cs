using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Which part of the install an object belongs to (and so which Pulumi component registers it).</summary>
public enum ArgoComponent
{
    /// <summary>The Argo CustomResourceDefinitions.</summary>
    Crds = 0,

    /// <summary>The workflow-controller and its namespace.</summary>
    Controller = 1,

    /// <summary>
    /// The ValidatingAdmissionPolicies and bindings: the guard of a cluster install's controller namespace and the
    /// workflow-spec policies (registered with the controller in a whole install, with a workflow namespace alone).
    /// </summary>
    AdmissionGuard = 2,

    /// <summary>argo-server.</summary>
    Server = 3,

    /// <summary>A workflow namespace.</summary>
    WorkflowNamespace = 4,
}

/// <summary>One Kubernetes object of a plan, with the component that owns it.</summary>
public sealed class PlannedObject
{
    /// <summary>Creates a planned object.</summary>
    public PlannedObject(ArgoComponent component, IKubernetesObject<V1ObjectMeta> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Component = component;
        Value = value;
    }

    /// <summary>The component that owns the object.</summary>
    public ArgoComponent Component { get; }

    /// <summary>The object, as the KubernetesClient model.</summary>
    public IKubernetesObject<V1ObjectMeta> Value { get; }

    /// <summary>The object's kind.</summary>
    public string Kind => Value.Kind;

    /// <summary>The object's apiVersion.</summary>
    public string ApiVersion => Value.ApiVersion;

    /// <summary>The object's name.</summary>
    public string Name => Value.Metadata.Name;

    /// <summary>The object's namespace; null for cluster-scoped objects.</summary>
    public string? Namespace => Value.Metadata.NamespaceProperty;

    /// <inheritdoc/>
    public override string ToString() => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}

/// <summary>The ordered objects of a working install, and what validation found on the way.</summary>
public sealed class InstallPlan
{
    /// <summary>Creates a plan.</summary>
    public InstallPlan(IReadOnlyList<PlannedObject> objects, Validation.ValidationResult validation)
    {
        Objects = objects;
        Validation = validation;
    }

    /// <summary>The objects, in the order Kubernetes needs them (namespaces and CRDs first).</summary>
    public IReadOnlyList<PlannedObject> Objects { get; }

    /// <summary>The validation result (warnings and accepted risks; never blocking).</summary>
    public Validation.ValidationResult Validation { get; }

    /// <summary>The objects of one component.</summary>
    public IEnumerable<PlannedObject> Of(ArgoComponent component) => Objects.Where(o => o.Component == component);
}
