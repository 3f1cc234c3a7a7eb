namespace ArgoSecure.Tests.TestSupport;

/// <summary>Args combinations beyond the samples, each valid (risky ones carry their accepted risk).</summary>
public static class ArgsVariants
{
    public static IEnumerable<(string Name, ArgoWorkflowsArgs Args)> All()
    {
        yield return ("defaults, one namespace", new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "workflows" }] });

        yield return ("no server, no CRDs, no admission guard", new ArgoWorkflowsArgs
        {
            Controller = new() { InstallCrds = false, AdmissionGuard = false },
            Server = null,
            WorkflowNamespaces = [new() { Name = "ci" }, new() { Name = "batch" }],
            AcceptedRisks = [new() { RuleId = "ARGO0023", Justification = "Kubernetes 1.29: no ValidatingAdmissionPolicy yet." }],
        });

        yield return ("persistence, HA, custom namespace", new ArgoWorkflowsArgs
        {
            Controller = new()
            {
                Namespace = "argo-system",
                Replicas = 2,
                Persistence = new() { Host = "postgres.databases.svc", Cidr = "10.30.0.0/16" },
                ArtifactRepositoryEgress = [new() { Cidr = "10.40.0.0/16", Port = 9000 }],
            },
            Server = new() { Replicas = 2, IngressFromNamespaces = ["ingress-nginx", "gateway"] },
            WorkflowNamespaces =
            [
                new() { Name = "ml", Submitters = [RbacSubject.Group("ml-team")], Viewers = [RbacSubject.User("auditor@example.com")], AllowedServiceAccounts = ["ml-trainer"] },
            ],
        });

        yield return ("namespace install with SSO RBAC and MySQL", new ArgoWorkflowsArgs
        {
            Controller = new()
            {
                Scope = InstallScope.Namespaced("pipelines"),
                Persistence = new() { Kind = DatabaseKind.MySql, Host = "mysql.databases.svc" },
            },
            Server = new()
            {
                AuthModes = [AuthMode.Client, AuthMode.Sso],
                Sso = new()
                {
                    Issuer = "https://idp.example.com",
                    RedirectUrl = "https://argo.example.com/oauth2/callback",
                    RbacRules = [new() { ServiceAccountName = "sso-viewer", Expression = "true" }],
                },
            },
        });

        yield return ("server mode read-write, risks accepted", new ArgoWorkflowsArgs
        {
            Server = new()
            {
                AuthModes = [AuthMode.Server],
                AccessLevel = ServerAccessLevel.ReadWrite,
                Tls = new() { Enabled = false },
            },
            WorkflowNamespaces = [new() { Name = "sandbox" }],
            AcceptedRisks =
            [
                new() { RuleId = "ARGO0003", Justification = "Local kind cluster for demos only." },
                new() { RuleId = "ARGO0004", Justification = "TLS ends at the port-forward." },
                new() { RuleId = "ARGO0012", Justification = "Demo users need to submit from the UI." },
            ],
        });

        yield return ("every feature switch on, cluster install", EveryFeature(InstallScope.Cluster, "ml"));
        yield return ("every feature switch on, namespace install", EveryFeature(InstallScope.Namespaced("pipelines"), "pipelines"));

        yield return ("SSO without RBAC, read-only", new ArgoWorkflowsArgs
        {
            Server = new()
            {
                AuthModes = [AuthMode.Sso],
                Sso = new() { Issuer = "https://idp.example.com", RedirectUrl = "https://argo.example.com/oauth2/callback", RbacEnabled = false },
            },
            WorkflowNamespaces = [new() { Name = "reports", Viewers = [RbacSubject.Group("everyone")] }],
            AcceptedRisks = [new() { RuleId = "ARGO0005", Justification = "Everyone may look; nobody may write." }],
        });
    }

    /// <summary>Every feature switch on in one workflow namespace (reference F9, F11, F13, F14-F16).</summary>
    public static ArgoWorkflowsArgs EveryFeature(InstallScope scope, string workflowNamespace) => new()
    {
        Controller = new()
        {
            Scope = scope,
            ApiServerEgress = [new() { Cidr = "10.96.0.1/32", Port = 443 }],
            ImageEntrypoints = new()
            {
                Index = [new() { Image = "busybox:1.36", Cmd = ["sh"] }],
                RegistryEgress = [new() { Cidr = "10.50.0.0/16", Port = 443 }],
            },
        },
        WorkflowNamespaces =
        [
            new()
            {
                Name = workflowNamespace,
                ImagePullSecrets = ["registry-credentials"],
                MemoizationCaches = [workflowNamespace + "-cache"],
                LargeTemplateOffload = true,
                HttpTemplates = new() { Egress = [new() { Cidr = "203.0.113.0/24", Port = 443 }], HeaderSecrets = ["hooks-token"] },
            },
        ],
    };
}
