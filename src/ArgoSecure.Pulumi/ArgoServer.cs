using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Internal;
using k8s.Models;
using Pulumi;

namespace ArgoSecure.Pulumi;

/// <summary>
/// argo-server, hardened: its service account and the RBAC its auth modes need, TLS, its ConfigMap, the
/// Deployment, the Service and NetworkPolicies (ingress from named namespaces only).
/// </summary>
/// <remarks>
/// The server runs in an existing namespace (normally the controller's): in one stack, pass the
/// <see cref="ArgoController"/> in <see cref="ResourceOptions.DependsOn"/>. The Args are validated before
/// anything is registered, as for <see cref="ArgoController"/>.
/// </remarks>
public sealed class ArgoServer : ComponentResource
{
    /// <summary>The Pulumi type token of this component.</summary>
    public const string TypeToken = "argosecure:index:ArgoServer";

    /// <summary>Validates <paramref name="args"/>, then registers the server's objects as children.</summary>
    /// <param name="name">The unique name of the component; its objects are registered as the child <c>{name}-objects</c>.</param>
    /// <param name="args">The server's plain, compile-time Args.</param>
    /// <param name="options">Options of the component; its providers flow to every child.</param>
    /// <exception cref="ArgumentException">The Args are invalid or make an insecure choice that is not accepted.</exception>
    public ArgoServer(string name, ArgoServerArgs args, ComponentResourceOptions? options = null)
        : this(name, Prepare(name, args), options)
    {
    }

    internal ArgoServer(string name, ComponentPlan<ArgoServerArgs> plan, ComponentResourceOptions? options)
        : base(TypeToken, name, (ResourceArgs?)null, options)
    {
        FindingLog.Report(this, $"{TypeToken} '{name}'", plan.Validation);

        var objects = plan.Objects;
        var namespaces = ObjectGroups.Register(this, name, ObjectGroups.NamespaceSuffix, objects.Where(ObjectGroups.IsNamespace), []);
        var main = ObjectGroups.Register(this, name, ObjectGroups.ObjectsSuffix, objects.Where(o => !ObjectGroups.IsNamespace(o)), [namespaces]);

        // The outputs come from the planned Service itself, so they name what is really registered.
        var service = objects.Select(o => o.Value).OfType<V1Service>()
            .Single(s => s.Metadata.Name == Labels.ServerName && s.Metadata.NamespaceProperty == plan.Args.Namespace);
        Namespace = ObjectGroups.After(main, service.Metadata.NamespaceProperty);
        ServiceName = ObjectGroups.After(main, service.Metadata.Name);
        ServicePort = ObjectGroups.After(main, service.Spec.Ports.Single().Port);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["namespace"] = Namespace,
            ["serviceName"] = ServiceName,
            ["servicePort"] = ServicePort,
        });
    }

    /// <summary>The server's namespace.</summary>
    [Output("namespace")]
    public Output<string> Namespace { get; private set; }

    /// <summary>The name of the server's Service (for an Ingress or a port-forward).</summary>
    [Output("serviceName")]
    public Output<string> ServiceName { get; private set; }

    /// <summary>The port of the server's Service (https unless TLS was turned off).</summary>
    [Output("servicePort")]
    public Output<int> ServicePort { get; private set; }

    private static ComponentPlan<ArgoServerArgs> Prepare(string name, ArgoServerArgs args)
    {
        var plan = ComponentPlans.Plan(TypeToken, name, args, Planner.PlanServer);
        return new ComponentPlan<ArgoServerArgs>(args, plan.Objects, plan.Validation);
    }
}
