// A team's stack: its own workflow namespace, bound to the platform's controller. It needs only the
// controller's namespace and scope, read from the platform stack's outputs before any resource is declared,
// so the component still gets plain values it can validate before `pulumi preview` registers anything.
using ArgoSecure;
using ArgoSecure.Pulumi;
using Pulumi;
using Provider = Pulumi.Kubernetes.Provider;
using ProviderArgs = Pulumi.Kubernetes.ProviderArgs;

return await Deployment.RunAsync(async () =>
{
    var config = new Config();

    // `pulumi config set platformStack <org>/argosecure-platform/<stack>`; without it, the controller's
    // namespace and managed namespace come from this stack's own config (controllerNamespace, managedNamespace).
    string controllerNamespace;
    string? managedNamespace;
    if (config.Get("platformStack") is { Length: > 0 } platformStack)
    {
        var platform = new StackReference(platformStack);
        controllerNamespace = (string)await platform.RequireValueAsync("controllerNamespace");
        managedNamespace = (string?)await platform.GetValueAsync("managedNamespace");
    }
    else
    {
        controllerNamespace = config.Get("controllerNamespace") ?? ArgoControllerArgs.DefaultNamespace;
        managedNamespace = config.Get("managedNamespace");
    }

    // `pulumi config set renderYamlTo rendered` writes the manifests to ./rendered instead of a cluster.
    var options = new ComponentResourceOptions();
    if (config.Get("renderYamlTo") is { Length: > 0 } directory)
    {
        options.Providers.Add(new Provider("render", new ProviderArgs { RenderYamlToDirectory = directory }));
    }

    var team = config.Get("team") ?? "team-a";
    var workflows = new WorkflowNamespace(team, new WorkflowNamespaceArgs
    {
        Name = team,
        ControllerNamespace = controllerNamespace,
        Scope = managedNamespace is null ? InstallScope.Cluster : InstallScope.Namespaced(managedNamespace),
        Submitters = [RbacSubject.Group($"{team}-developers")],
        Viewers = [RbacSubject.Group("auditors")],
    }, options);

    return new Dictionary<string, object?>
    {
        ["namespace"] = workflows.Namespace,
        ["workflowServiceAccountName"] = workflows.WorkflowServiceAccountName,
        ["executorServiceAccountName"] = workflows.ExecutorServiceAccountName,
    };
});
