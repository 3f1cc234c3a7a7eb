// A cluster install in one stack: the controller (with an image index) and argo-server in "argo", SSO with RBAC,
// and two team namespaces where workflows run (HTTP templates in team-a). It is the Pulumi twin of
// samples/options/cluster.yaml: `argosecure render` of that file gives the same objects.
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
            Scope = InstallScope.Cluster,
            Metrics = new MetricsArgs { ScraperNamespace = "monitoring" },
            ApiServerEgress = [new EgressTarget { Cidr = "10.96.0.1/32", Port = 443 }],
            ArtifactRepositoryEgress = [new EgressTarget { Cidr = "10.20.0.0/16", Port = 9000 }],

            // Containers without `command` run these images' ENTRYPOINT/CMD, taken from here instead of a registry
            // (registry lookups stay off; other images without `command` are refused at admission, ARGO0025).
            ImageEntrypoints = new ImageEntrypointArgs
            {
                Index =
                [
                    new ImageEntrypoint { Image = "busybox:1.36", Cmd = ["sh"] },
                    new ImageEntrypoint { Image = "python:3.12-slim", Cmd = ["python3"] },
                    new ImageEntrypoint { Image = "curlimages/curl:8.10.1", Entrypoint = ["/entrypoint.sh"], Cmd = ["curl"] },
                ],
            },
        },
        Server = new ArgoServerArgs
        {
            AuthModes = [AuthMode.Sso],
            AccessLevel = ServerAccessLevel.ReadOnly,
            Tls = new ServerTlsArgs { CertificateSecretName = "argo-server-tls" },
            IngressFromNamespaces = ["ingress-nginx"],
            Sso = new SsoArgs
            {
                Issuer = "https://login.example.com/realms/platform",
                RedirectUrl = "https://argo.example.com/oauth2/callback",
                RbacRules =
                [
                    new SsoRbacRule { ServiceAccountName = "argo-sso-admins", Expression = "\"platform-admins\" in groups", Precedence = 10 },
                    new SsoRbacRule { ServiceAccountName = "argo-sso-readers", Expression = "true", Precedence = 0 },
                ],
            },
        },
        WorkflowNamespaces =
        [
            new WorkflowNamespaceArgs
            {
                Name = "team-a",
                Submitters = [RbacSubject.Group("team-a-developers"), RbacSubject.ServiceAccount("argo", "argo-sso-admins")],
                Viewers = [RbacSubject.ServiceAccount("argo", "argo-sso-readers")],

                // HTTP templates: agent pods (as argo-workflow) may call the hooks service and read its token Secret.
                HttpTemplates = new HttpTemplatesArgs
                {
                    Egress = [new EgressTarget { Cidr = "203.0.113.0/24", Port = 443 }],
                    HeaderSecrets = ["hooks-token"],
                },
            },
            new WorkflowNamespaceArgs
            {
                Name = "team-b",
                Submitters = [RbacSubject.Group("team-b-developers")],
                Viewers = [RbacSubject.Group("auditors")],
            },
        ],
    }, options);

    return new Dictionary<string, object?>
    {
        ["controllerNamespace"] = argo.Namespace,
        ["serverServiceName"] = argo.ServerServiceName,
        ["serverPort"] = argo.ServerPort,
        ["workflowNamespaces"] = argo.WorkflowNamespaceNames,
    };
});
