using System.Globalization;
using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Plans argo-server: service accounts, RBAC, its ConfigMap, Deployment, Service and NetworkPolicy.</summary>
internal static class ServerPlanner
{
    private const string Component = Labels.ServerName;

    public static IEnumerable<PlannedObject> Plan(ArgoServerArgs args)
    {
        var ns = args.Namespace;
        var objects = new List<PlannedObject>();
        void Add(IKubernetesObject<V1ObjectMeta> value) => objects.Add(new PlannedObject(ArgoComponent.Server, value));

        Add(KubeObjects.Create<V1ServiceAccount>(Labels.ServerName, ns, Labels.Common(Component)));
        var subject = Rbac.ServiceAccount(ns, Labels.ServerName);
        var sso = args.AuthModes.Contains(AuthMode.Sso) ? args.Sso : null;

        if (sso is not null && ServerRbac.SsoRbac(args))
        {
            // Each SSO RBAC rule signs users in as its own service account, which needs a legacy token Secret.
            var rbacNamespace = args.Scope.IsNamespaced ? args.Scope.ManagedNamespace! : ns;
            foreach (var rule in sso.RbacRules.OrderBy(r => r.ServiceAccountName, StringComparer.Ordinal))
            {
                Add(KubeObjects.Create<V1ServiceAccount>(rule.ServiceAccountName, rbacNamespace, Labels.Common(Component), new Dictionary<string, string>
                {
                    ["workflows.argoproj.io/rbac-rule"] = rule.Expression,
                    ["workflows.argoproj.io/rbac-rule-precedence"] = rule.Precedence.ToString(CultureInfo.InvariantCulture),
                }));
                Add(LiteralSecrets.ServiceAccountToken(rbacNamespace, rule.ServiceAccountName, Component));
            }
        }

        var literals = new List<SecretKeyReference?>();
        if (sso is not null)
        {
            literals.AddRange([sso.ClientId, sso.ClientSecret]);
        }

        if (args.Persistence is { } persistence)
        {
            literals.AddRange([persistence.UserNameSecret, persistence.PasswordSecret]);
        }

        foreach (var secret in LiteralSecrets.For(ns, literals))
        {
            Add(secret);
        }

        Add(ConfigMap(args, sso));

        if (args.Scope.IsNamespaced)
        {
            var managed = args.Scope.ManagedNamespace!;
            var rules = ServerRbac.WorkflowListing(args, clusterScope: false)
                .Add(ServerRbac.InWorkflowNamespace(args))
                .Add(ServerRbac.SsoRbacInManagedNamespace(args));
            Add(Rbac.Role(Labels.ServerName, managed, Component, rules));
            Add(Rbac.RoleBinding(Labels.ServerName, managed, Component, "Role", Labels.ServerName, [subject]));
        }
        else
        {
            var clusterRole = ClusterRoleName(ns);
            Add(Rbac.ClusterRole(clusterRole, Component, ServerRbac.WorkflowListing(args, clusterScope: true)));
            Add(Rbac.ClusterRoleBinding(clusterRole, Component, clusterRole, [subject]));

            // Bound by each workflow namespace; empty unless the server acts for its callers.
            Add(Rbac.ClusterRole(WorkflowNamespaceClusterRoleName(ns), Component, ServerRbac.InWorkflowNamespace(args)));
        }

        Add(Rbac.Role(OwnNamespaceRoleName, ns, Component, ServerRbac.InServerNamespace(args)));
        Add(Rbac.RoleBinding(OwnNamespaceRoleName, ns, Component, "Role", OwnNamespaceRoleName, [subject]));

        Add(Deployment(args));
        if (args.Replicas > 1)
        {
            Add(Workloads.Pdb(Labels.ServerName, ns, Component));
        }

        var service = KubeObjects.Create<V1Service>(Labels.ServerName, ns, Labels.Common(Component));
        service.Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = new SortedDictionary<string, string>(Labels.PodSelector(Labels.ServerName), StringComparer.Ordinal),
            Ports = [new V1ServicePort { Name = "web", Port = Labels.ServerPort, TargetPort = "web", Protocol = "TCP" }],
        };
        Add(service);

        if (args.NetworkPolicies)
        {
            Add(NetworkPolicy(args, sso));
        }

        return objects;
    }

    /// <summary>The Role in the server's own namespace (its ConfigMap and the Secrets it reads by name).</summary>
    public const string OwnNamespaceRoleName = "argo-server-own-namespace";

    /// <summary>The server's ClusterRole in a cluster install.</summary>
    public static string ClusterRoleName(string serverNamespace) => $"argosecure:{serverNamespace}:argo-server";

    /// <summary>The ClusterRole each workflow namespace binds for the server in a cluster install.</summary>
    public static string WorkflowNamespaceClusterRoleName(string serverNamespace) => $"argosecure:{serverNamespace}:argo-server-namespace";

    private static V1ConfigMap ConfigMap(ArgoServerArgs args, SsoArgs? sso)
    {
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (sso is not null)
        {
            var scopes = sso.Scopes.Where(s => !string.Equals(s, "openid", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
            data["sso"] = ConfigYaml.Write(ConfigYaml.Map()
                .Set("issuer", sso.Issuer)
                .Set("clientId", ConfigYaml.Map().Set("name", sso.ClientId.Name).Set("key", sso.ClientId.Key))
                .Set("clientSecret", ConfigYaml.Map().Set("name", sso.ClientSecret.Name).Set("key", sso.ClientSecret.Key))
                .Set("redirectUrl", sso.RedirectUrl)
                .Set("scopes", scopes)
                .Set("sessionExpiry", sso.SessionExpiry)
                .Set("insecureSkipVerify", sso.InsecureSkipVerify)
                .Set("rbac", ConfigYaml.Map().Set("enabled", sso.RbacEnabled)));
        }

        if (args.Persistence is { } persistence)
        {
            data["persistence"] = ConfigYaml.Write(Persistence.Config(persistence));
        }

        ReleaseConfigKeys.Require(args.Images.Version, data);
        var configMap = KubeObjects.Create<V1ConfigMap>(Labels.ServerConfigMapName, args.Namespace, Labels.Common(Component));
        configMap.Data = data;
        return configMap;
    }

    private static V1Deployment Deployment(ArgoServerArgs args)
    {
        var containerArgs = new List<string> { "server", "--configmap", Labels.ServerConfigMapName };
        // A collection initializer adds to the default [Client]: a mode given twice is passed once.
        containerArgs.AddRange(args.AuthModes.Distinct().Select(m => "--auth-mode=" + m.ToString().ToLowerInvariant()));
        containerArgs.Add(args.Tls.Enabled ? "--secure=true" : "--secure=false");
        if (args.Tls.Enabled && args.Tls.CertificateSecretName is { } certificate)
        {
            containerArgs.AddRange(["--tls-certificate-secret-name", certificate]);
        }

        if (args.Scope.IsNamespaced)
        {
            containerArgs.AddRange(["--namespaced", "--managed-namespace", args.Scope.ManagedNamespace!]);
        }

        if (!string.IsNullOrEmpty(args.AccessControlAllowOrigin))
        {
            containerArgs.AddRange(["--access-control-allow-origin", args.AccessControlAllowOrigin]);
        }

        var container = new V1Container
        {
            Name = Labels.ServerName,
            Image = args.Images.ServerImage,
            ImagePullPolicy = "IfNotPresent",
            Args = containerArgs,
            Ports = [new V1ContainerPort { Name = "web", ContainerPort = Labels.ServerPort, Protocol = "TCP" }],
            ReadinessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = "/", Port = "web", Scheme = args.Tls.Enabled ? "HTTPS" : "HTTP" },
                InitialDelaySeconds = 10,
                PeriodSeconds = 20,
            },
            LivenessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = "/", Port = "web", Scheme = args.Tls.Enabled ? "HTTPS" : "HTTP" },
                InitialDelaySeconds = 10,
                PeriodSeconds = 20,
                FailureThreshold = 6,
            },
            Resources = PodSecurity.Resources(args.Resources),
            SecurityContext = PodSecurity.Container(),
            VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
        };

        return Workloads.Deployment(Labels.ServerName, args.Namespace, Component, args.Replicas, new V1PodSpec
        {
            ServiceAccountName = Labels.ServerName,
            AutomountServiceAccountToken = true,
            SecurityContext = PodSecurity.Pod(WorkflowPodDefaults.ArgoNonRootUid),
            NodeSelector = new SortedDictionary<string, string> { ["kubernetes.io/os"] = "linux" },
            Containers = [container],
            Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
        });
    }

    private static V1NetworkPolicy NetworkPolicy(ArgoServerArgs args, SsoArgs? sso)
    {
        var ingress = new List<V1NetworkPolicyIngressRule>();
        if (args.IngressFromNamespaces.Count > 0)
        {
            ingress.Add(NetworkPolicies.FromNamespaces(args.IngressFromNamespaces, Labels.ServerPort));
        }

        var egress = new List<V1NetworkPolicyEgressRule> { NetworkPolicies.Dns() };
        egress.AddRange(NetworkPolicies.ApiServer(args.ApiServerEgress));
        var targets = new List<EgressTarget>();
        if (args.Persistence is { } persistence)
        {
            targets.Add(new EgressTarget { Cidr = persistence.Cidr, Port = persistence.EffectivePort });
        }

        targets.AddRange(args.ArtifactRepositoryEgress);
        if (sso is not null)
        {
            // The issuer is called at start (discovery) and at every sign-in.
            targets.Add(new EgressTarget { Cidr = sso.IssuerCidr, Port = 443 });
        }

        egress.AddRange(NetworkPolicies.To(targets));
        return NetworkPolicies.ForPods(Labels.ServerName, args.Namespace, Component,
            NetworkPolicies.MatchLabels(Labels.PodSelector(Labels.ServerName)), ingress, egress);
    }
}
