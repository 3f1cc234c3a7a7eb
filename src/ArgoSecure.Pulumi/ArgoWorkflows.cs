using System.Collections.Immutable;
using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Internal;
using Pulumi;

namespace ArgoSecure.Pulumi;

/// <summary>
/// A whole hardened Argo Workflows install in one stack: an <see cref="ArgoController"/>, optionally an
/// <see cref="ArgoServer"/>, and one <see cref="WorkflowNamespace"/> per workflow namespace (for a namespace
/// install, the managed namespace is added when the list does not name it).
/// </summary>
/// <remarks>
/// The whole install is validated and planned at once, exactly as <c>argosecure render</c> does with the same
/// Args, so the objects registered are the rendered manifests: the controller's namespace and scope are handed
/// to the server and the workflow namespaces (<see cref="Composition"/>), cross-component mistakes are refused,
/// and risks accepted in <see cref="ArgoWorkflowsArgs.AcceptedRisks"/> cover every part.
/// </remarks>
public sealed class ArgoWorkflows : ComponentResource
{
    /// <summary>The Pulumi type token of this component.</summary>
    public const string TypeToken = "argosecure:index:ArgoWorkflows";

    /// <summary>Validates <paramref name="args"/> as a whole, then registers the controller, server and namespaces.</summary>
    /// <param name="name">The unique name of the component; children are named <c>{name}-controller</c>,
    /// <c>{name}-server</c> and <c>{name}-namespace-{workflow namespace}</c>.</param>
    /// <param name="args">The install's plain, compile-time Args.</param>
    /// <param name="options">Options of the component; its providers flow to every child.</param>
    /// <exception cref="ArgumentException">The Args are invalid or make an insecure choice that is not accepted.</exception>
    public ArgoWorkflows(string name, ArgoWorkflowsArgs args, ComponentResourceOptions? options = null)
        : this(name, Prepare(name, args), options)
    {
    }

    private ArgoWorkflows(string name, Parts parts, ComponentResourceOptions? options)
        : base(TypeToken, name, (ResourceArgs?)null, options)
    {
        FindingLog.Report(this, $"{TypeToken} '{name}'", parts.Validation);

        Controller = new ArgoController($"{name}-controller", parts.Controller, new ComponentResourceOptions { Parent = this });
        Server = parts.Server is null
            ? null
            : new ArgoServer($"{name}-server", parts.Server, new ComponentResourceOptions { Parent = this, DependsOn = { Controller } });
        WorkflowNamespaces = parts.WorkflowNamespaces
            .Select(n => new WorkflowNamespace($"{name}-namespace-{n.Args.Name}", n, new ComponentResourceOptions { Parent = this, DependsOn = { Controller } }))
            .ToList();

        Namespace = Controller.Namespace;
        ManagedNamespace = Controller.ManagedNamespace;
        ServerServiceName = Server is null ? Output.Create((string?)null) : Server.ServiceName.Apply(s => (string?)s);
        ServerPort = Server is null ? Output.Create((int?)null) : Server.ServicePort.Apply(p => (int?)p);
        WorkflowNamespaceNames = Output.All(WorkflowNamespaces.Select(n => n.Namespace));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["namespace"] = Namespace,
            ["managedNamespace"] = ManagedNamespace,
            ["serverServiceName"] = ServerServiceName,
            ["serverPort"] = ServerPort,
            ["workflowNamespaces"] = WorkflowNamespaceNames,
        });
    }

    /// <summary>The controller component.</summary>
    public ArgoController Controller { get; }

    /// <summary>The server component; null when <see cref="ArgoWorkflowsArgs.Server"/> is null.</summary>
    public ArgoServer? Server { get; }

    /// <summary>The workflow namespace components, in plan order.</summary>
    public IReadOnlyList<WorkflowNamespace> WorkflowNamespaces { get; }

    /// <summary>The controller's (and the server's) namespace.</summary>
    [Output("namespace")]
    public Output<string> Namespace { get; private set; }

    /// <summary>The managed namespace of a namespace install; null for a cluster install.</summary>
    [Output("managedNamespace")]
    public Output<string?> ManagedNamespace { get; private set; }

    /// <summary>The server's Service name; null without a server.</summary>
    [Output("serverServiceName")]
    public Output<string?> ServerServiceName { get; private set; }

    /// <summary>The server's Service port; null without a server.</summary>
    [Output("serverPort")]
    public Output<int?> ServerPort { get; private set; }

    /// <summary>The names of the workflow namespaces.</summary>
    [Output("workflowNamespaces")]
    public Output<ImmutableArray<string>> WorkflowNamespaceNames { get; private set; }

    private static Parts Prepare(string name, ArgoWorkflowsArgs args)
    {
        var plan = ComponentPlans.Plan(TypeToken, name, args, Planner.Plan);

        var controller = new ComponentPlan<ArgoControllerArgs>(
            args.Controller ?? new ArgoControllerArgs(),
            plan.Objects.Where(o => o.Component is ArgoComponent.Crds or ArgoComponent.Controller or ArgoComponent.AdmissionGuard).ToList(),
            validation: null);

        var serverArgs = Composition.ServerOf(args);
        var server = serverArgs is null
            ? null
            : new ComponentPlan<ArgoServerArgs>(serverArgs, plan.Of(ArgoComponent.Server).ToList(), validation: null);

        // Each workflow namespace owns its Namespace object and every namespaced object inside it.
        var namespaceObjects = plan.Of(ArgoComponent.WorkflowNamespace).ToList();
        var namespaces = Composition.WorkflowNamespacesOf(args)
            .Select(n => new ComponentPlan<WorkflowNamespaceArgs>(
                n,
                namespaceObjects.Where(o => o.Namespace == n.Name || (o.Namespace is null && ObjectGroups.IsNamespace(o) && o.Name == n.Name)).ToList(),
                validation: null))
            .ToList();

        var assigned = namespaces.Sum(n => n.Objects.Count);
        if (assigned != namespaceObjects.Count)
        {
            throw new InvalidOperationException(
                $"{TypeToken} '{name}': {namespaceObjects.Count - assigned} planned workflow-namespace object(s) belong to no workflow namespace; this is a bug in ArgoSecure.");
        }

        return new Parts(plan.Validation, controller, server, namespaces);
    }

    private sealed record Parts(
        Validation.ValidationResult Validation,
        ComponentPlan<ArgoControllerArgs> Controller,
        ComponentPlan<ArgoServerArgs>? Server,
        IReadOnlyList<ComponentPlan<WorkflowNamespaceArgs>> WorkflowNamespaces);
}
