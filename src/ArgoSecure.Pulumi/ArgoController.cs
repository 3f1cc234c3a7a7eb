using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Internal;
using Pulumi;

namespace ArgoSecure.Pulumi;

/// <summary>
/// The Argo Workflows controller, hardened: its namespace (Pod Security Admission <c>restricted</c>), the
/// CRDs, least-privilege RBAC for the chosen scope, the <c>workflow-controller-configmap</c>, the Deployment,
/// the metrics Service, NetworkPolicies and, for a cluster install, the admission guard that keeps workflows
/// out of the controller's namespace.
/// </summary>
/// <remarks>
/// The Args are validated before anything is registered: an insecure choice at error level whose risk is not
/// accepted in <see cref="ArgoControllerArgs.AcceptedRisks"/> throws one <see cref="ArgumentException"/>
/// listing every problem. Warnings and accepted risks are logged on the component with their rule IDs.
/// </remarks>
public sealed class ArgoController : ComponentResource
{
    /// <summary>The Pulumi type token of this component.</summary>
    public const string TypeToken = "argosecure:index:ArgoController";

    /// <summary>Validates <paramref name="args"/>, then registers the controller's objects as children.</summary>
    /// <param name="name">The unique name of the component; children are named <c>{name}-namespace</c>,
    /// <c>{name}-crds</c>, <c>{name}-objects</c> and <c>{name}-admission-guard</c>.</param>
    /// <param name="args">The controller's plain, compile-time Args.</param>
    /// <param name="options">Options of the component; its providers flow to every child.</param>
    /// <exception cref="ArgumentException">The Args are invalid or make an insecure choice that is not accepted.</exception>
    public ArgoController(string name, ArgoControllerArgs args, ComponentResourceOptions? options = null)
        : this(name, Prepare(name, args), options)
    {
    }

    internal ArgoController(string name, ComponentPlan<ArgoControllerArgs> plan, ComponentResourceOptions? options)
        : base(TypeToken, name, (ResourceArgs?)null, options)
    {
        FindingLog.Report(this, $"{TypeToken} '{name}'", plan.Validation);

        var objects = plan.Objects;
        var namespaces = ObjectGroups.Register(this, name, ObjectGroups.NamespaceSuffix, objects.Where(ObjectGroups.IsNamespace), []);
        // Namespaces and CRDs need nothing; everything else waits for both.
        var crds = ObjectGroups.Register(this, name, ObjectGroups.CrdsSuffix, objects.Where(o => o.Component == ArgoComponent.Crds), []);
        var main = ObjectGroups.Register(
            this, name, ObjectGroups.ObjectsSuffix,
            objects.Where(o => o.Component == ArgoComponent.Controller && !ObjectGroups.IsNamespace(o)),
            [namespaces, crds]);
        ObjectGroups.Register(
            this, name, ObjectGroups.AdmissionGuardSuffix,
            objects.Where(o => o.Component == ArgoComponent.AdmissionGuard && !ObjectGroups.IsNamespace(o)),
            [namespaces, crds]);

        Namespace = ObjectGroups.After(main, plan.Args.Namespace);
        ManagedNamespace = ObjectGroups.After(main, plan.Args.Scope?.ManagedNamespace);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["namespace"] = Namespace,
            ["managedNamespace"] = ManagedNamespace,
        });
    }

    /// <summary>
    /// The controller's namespace, for <see cref="WorkflowNamespaceArgs.ControllerNamespace"/> in other stacks.
    /// Resolves once the controller's objects are registered.
    /// </summary>
    [Output("namespace")]
    public Output<string> Namespace { get; private set; }

    /// <summary>
    /// The managed namespace of a namespace install (<see cref="InstallScope.Namespaced(string)"/>); null for a
    /// cluster install. With <see cref="Namespace"/> it is all another stack needs to rebuild the scope.
    /// </summary>
    [Output("managedNamespace")]
    public Output<string?> ManagedNamespace { get; private set; }

    private static ComponentPlan<ArgoControllerArgs> Prepare(string name, ArgoControllerArgs args)
    {
        var plan = ComponentPlans.Plan(TypeToken, name, args, Planner.PlanController);
        return new ComponentPlan<ArgoControllerArgs>(args, plan.Objects, plan.Validation);
    }
}
