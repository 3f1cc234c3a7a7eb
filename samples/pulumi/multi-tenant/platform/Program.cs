// The platform team's stack: the controller and argo-server of a cluster install. Team stacks add their own
// workflow namespaces (see ../team); they need only the two outputs controllerNamespace and managedNamespace.
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

    var controller = new ArgoController("argo", new ArgoControllerArgs
    {
        Namespace = "argo",
        Scope = InstallScope.Cluster,
    }, options);

    var serverOptions = new ComponentResourceOptions { DependsOn = { controller } };
    serverOptions.Providers.AddRange(options.Providers);
    var server = new ArgoServer("argo-server", new ArgoServerArgs
    {
        Namespace = "argo",
        Scope = InstallScope.Cluster,
        AuthModes = [AuthMode.Client],
        IngressFromNamespaces = ["ingress-nginx"],
    }, serverOptions);

    return new Dictionary<string, object?>
    {
        ["controllerNamespace"] = controller.Namespace,
        ["managedNamespace"] = controller.ManagedNamespace,
        ["serverServiceName"] = server.ServiceName,
        ["serverPort"] = server.ServicePort,
    };
});
