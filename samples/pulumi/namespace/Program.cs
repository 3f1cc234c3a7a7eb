// A namespace install: the controller and argo-server run in "argo" and run workflows only in
// "argo-workflows", never in their own namespace. The Pulumi twin of samples/options/namespaced.yaml.
using ArgoSecure;
using ArgoSecure.Pulumi;
using Pulumi;
using Provider = Pulumi.Kubernetes.Provider;
using ProviderArgs = Pulumi.Kubernetes.ProviderArgs;

return await Deployment.RunAsync(() =>
{
    // `pulumi config set renderYamlTo rendered` writes the manifests to ./rendered instead of a cluster.
    var options = new ComponentResourceOptions();
    if (new Config().Get("renderYamlTo") is { Length: > 0 } directory)
    {
        options.Providers.Add(new Provider("render", new ProviderArgs { RenderYamlToDirectory = directory }));
    }

    var argo = new ArgoWorkflows("argo", new ArgoWorkflowsArgs
    {
        Controller = new ArgoControllerArgs
        {
            Namespace = "argo",
            Scope = InstallScope.Namespaced("argo-workflows"),
            Metrics = new MetricsArgs { ScraperNamespace = "monitoring" },
        },
        Server = new ArgoServerArgs
        {
            AuthModes = [AuthMode.Client],
            IngressFromNamespaces = ["ingress-nginx"],
        },
        WorkflowNamespaces =
        [
            new WorkflowNamespaceArgs
            {
                Name = "argo-workflows",
                Submitters = [RbacSubject.Group("data-engineers")],
                Viewers = [RbacSubject.Group("data-analysts")],
            },
        ],
    }, options);

    return new Dictionary<string, object?>
    {
        ["controllerNamespace"] = argo.Namespace,
        ["managedNamespace"] = argo.ManagedNamespace,
        ["serverServiceName"] = argo.ServerServiceName,
        ["serverPort"] = argo.ServerPort,
    };
});
