using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Internal;
using Pulumi;

namespace ArgoSecure.Pulumi;

/// <summary>
/// A namespace where workflows run, hardened: Pod Security Admission <c>restricted</c> labels, a dedicated
/// workflow service account without a token, the executor's service account with its minimal role, the
/// submitter and viewer roles, the bindings the controller and the server need there, NetworkPolicies, and the
/// ValidatingAdmissionPolicy that holds workflow specs there to the hardened posture.
/// </summary>
/// <remarks>
/// A team's stack can add its own workflow namespace knowing only the controller's namespace and scope
/// (<see cref="WorkflowNamespaceArgs.ControllerNamespace"/>, <see cref="WorkflowNamespaceArgs.Scope"/>), for
/// example from the platform stack's <see cref="ArgoController.Namespace"/> and
/// <see cref="ArgoController.ManagedNamespace"/> outputs. The Args are validated before anything is
/// registered, as for <see cref="ArgoController"/>.
/// </remarks>
public sealed class WorkflowNamespace : ComponentResource
{
    /// <summary>The Pulumi type token of this component.</summary>
    public const string TypeToken = "argosecure:index:WorkflowNamespace";

    /// <summary>Validates <paramref name="args"/>, then registers the namespace's objects as children.</summary>
    /// <param name="name">The unique name of the component; children are named <c>{name}-namespace</c> and <c>{name}-objects</c>.</param>
    /// <param name="args">The workflow namespace's plain, compile-time Args.</param>
    /// <param name="options">Options of the component; its providers flow to every child.</param>
    /// <exception cref="ArgumentException">The Args are invalid or make an insecure choice that is not accepted.</exception>
    public WorkflowNamespace(string name, WorkflowNamespaceArgs args, ComponentResourceOptions? options = null)
        : this(name, Prepare(name, args), options)
    {
    }

    internal WorkflowNamespace(string name, ComponentPlan<WorkflowNamespaceArgs> plan, ComponentResourceOptions? options)
        : base(TypeToken, name, (ResourceArgs?)null, options)
    {
        FindingLog.Report(this, $"{TypeToken} '{name}'", plan.Validation);

        var objects = plan.Objects;
        var namespaces = ObjectGroups.Register(this, name, ObjectGroups.NamespaceSuffix, objects.Where(ObjectGroups.IsNamespace), []);
        var main = ObjectGroups.Register(this, name, ObjectGroups.ObjectsSuffix, objects.Where(o => !ObjectGroups.IsNamespace(o)), [namespaces]);

        var defaults = plan.Args.WorkflowDefaults;
        Namespace = ObjectGroups.After(main, plan.Args.Name);
        WorkflowServiceAccountName = ObjectGroups.After(main, defaults.ServiceAccountName);
        ExecutorServiceAccountName = ObjectGroups.After(main, defaults.ExecutorServiceAccountName);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["namespace"] = Namespace,
            ["workflowServiceAccountName"] = WorkflowServiceAccountName,
            ["executorServiceAccountName"] = ExecutorServiceAccountName,
        });
    }

    /// <summary>The workflow namespace's name.</summary>
    [Output("namespace")]
    public Output<string> Namespace { get; private set; }

    /// <summary>The service account workflow pods run as (set it as a workflow's <c>serviceAccountName</c>).</summary>
    [Output("workflowServiceAccountName")]
    public Output<string> WorkflowServiceAccountName { get; private set; }

    /// <summary>The executor's service account (the only one that talks to the Kubernetes API).</summary>
    [Output("executorServiceAccountName")]
    public Output<string> ExecutorServiceAccountName { get; private set; }

    private static ComponentPlan<WorkflowNamespaceArgs> Prepare(string name, WorkflowNamespaceArgs args)
    {
        var plan = ComponentPlans.Plan(TypeToken, name, args, Planner.PlanWorkflowNamespace);
        return new ComponentPlan<WorkflowNamespaceArgs>(args, plan.Objects, plan.Validation);
    }
}
