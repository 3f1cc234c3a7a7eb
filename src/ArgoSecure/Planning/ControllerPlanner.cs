using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Plans the workflow-controller: namespace, CRDs, RBAC, ConfigMap, Deployment, Service, NetworkPolicies, admission policies.</summary>
internal static class ControllerPlanner
{
    private const string Component = Labels.ControllerName;

    /// <summary>The controller's objects; <paramref name="installRisks"/> are the whole install's accepted risks.</summary>
    public static IEnumerable<PlannedObject> Plan(ArgoControllerArgs args, IEnumerable<AcceptedRisk?> installRisks)
    {
        var ns = args.Namespace;
        var objects = new List<PlannedObject>();
        void Add(IKubernetesObject<V1ObjectMeta> value, ArgoComponent component = ArgoComponent.Controller) => objects.Add(new PlannedObject(component, value));

        if (args.CreateNamespace)
        {
            var nsObject = KubeObjects.Create<V1Namespace>(ns, null, Labels.RestrictedNamespace(ns, Component));
            Add(nsObject);
        }

        if (args.InstallCrds)
        {
            foreach (var crd in Crds.Create())
            {
                Add(crd, ArgoComponent.Crds);
            }
        }

        var serviceAccount = KubeObjects.Create<V1ServiceAccount>(Labels.ControllerName, ns, Labels.Common(Component));
        Add(serviceAccount);
        var subject = new Rbacv1Subject { Kind = "ServiceAccount", Name = Labels.ControllerName, NamespaceProperty = ns };

        foreach (var secret in LiteralSecrets.For(ns, args.Persistence is { } p ? [p.UserNameSecret, p.PasswordSecret] : []))
        {
            Add(secret);
        }

        Add(ConfigMap(args));

        if (args.Scope.IsNamespaced)
        {
            var managed = args.Scope.ManagedNamespace!;
            var rules = ControllerRbac.Informers(clusterWorkflowTemplates: false).Add(ControllerRbac.InWorkflowNamespace());
            Add(Rbac.Role(Labels.ControllerName, managed, Component, rules));
            Add(Rbac.RoleBinding(Labels.ControllerName, managed, Component, "Role", Labels.ControllerName, [subject]));
        }
        else
        {
            var clusterRole = ClusterRoleName(ns);
            Add(Rbac.ClusterRole(clusterRole, Component, ControllerRbac.Informers(clusterWorkflowTemplates: true)));
            Add(Rbac.ClusterRoleBinding(clusterRole, Component, clusterRole, [subject]));
            Add(Rbac.ClusterRole(WorkflowNamespaceClusterRoleName(ns), Component, ControllerRbac.InWorkflowNamespace()));
        }

        Add(Rbac.Role(OwnNamespaceRoleName, ns, Component, ControllerRbac.InControllerNamespace(args)));
        Add(Rbac.RoleBinding(OwnNamespaceRoleName, ns, Component, "Role", OwnNamespaceRoleName, [subject]));

        var deployment = Deployment(args);
        if (!args.AdmissionGuard || args.WorkflowSpecEnforcement == WorkflowSpecEnforcement.Off)
        {
            // Nothing enforces workflow specs: the audit reports ARGO0023 on the controller, accepted here if it is.
            deployment.Metadata.Annotations = WorkflowSpecPolicies.NotEnforcedAcceptance((args.AcceptedRisks ?? []).Concat(installRisks));
        }

        Add(deployment);
        if (args.Replicas > 1)
        {
            Add(Workloads.Pdb(Labels.ControllerName, ns, Component));
        }

        if (args.Metrics.Enabled)
        {
            var service = KubeObjects.Create<V1Service>(Labels.MetricsServiceName, ns, Labels.Common(Component));
            service.Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new SortedDictionary<string, string>(Labels.PodSelector(Labels.ControllerName), StringComparer.Ordinal),
                Ports = [new V1ServicePort { Name = "metrics", Port = args.Metrics.Port, TargetPort = "metrics", Protocol = "TCP" }],
            };
            Add(service);
        }

        if (args.NetworkPolicies)
        {
            if (args.CreateNamespace)
            {
                Add(NetworkPolicies.DefaultDeny(ns, Component));
            }

            Add(NetworkPolicy(args));
        }

        if (!args.Scope.IsNamespaced && args.AdmissionGuard)
        {
            foreach (var guard in AdmissionGuard.For(ns).Concat(WorkflowSpecPolicies.ForClusterTemplates(args, installRisks)))
            {
                Add(guard, ArgoComponent.AdmissionGuard);
            }
        }

        return objects;
    }

    /// <summary>The Role in the controller's own namespace (config, leader election, database Secrets).</summary>
    public const string OwnNamespaceRoleName = "workflow-controller-own-namespace";

    /// <summary>The ClusterRole of the controller's cluster-wide informers.</summary>
    public static string ClusterRoleName(string controllerNamespace) => $"argosecure:{controllerNamespace}:workflow-controller";

    /// <summary>The ClusterRole each workflow namespace binds for the controller in a cluster install.</summary>
    public static string WorkflowNamespaceClusterRoleName(string controllerNamespace) => $"argosecure:{controllerNamespace}:workflow-controller-namespace";

    private static V1ConfigMap ConfigMap(ArgoControllerArgs args)
    {
        var defaults = args.WorkflowDefaults;
        var podSecurity = ConfigYaml.Map()
            .Set("runAsNonRoot", defaults.RunAsNonRoot)
            .Set("runAsUser", defaults.RunAsUser)
            .Set("runAsGroup", defaults.RunAsGroup)
            .Set("fsGroup", defaults.RunAsGroup)
            .Set("seccompProfile", ConfigYaml.Map().Set("type", "RuntimeDefault"));
        var workflowDefaults = ConfigYaml.Map().Set("spec", ConfigYaml.Map()
            .Set("serviceAccountName", defaults.ServiceAccountName)
            .Set("automountServiceAccountToken", defaults.AutomountServiceAccountToken)
            .Set("executor", ConfigYaml.Map().Set("serviceAccountName", defaults.ExecutorServiceAccountName))
            .Set("securityContext", podSecurity));

        var containerSecurity = ConfigYaml.Map()
            .Set("allowPrivilegeEscalation", false)
            .Set("capabilities", ConfigYaml.Map().Set("drop", new[] { "ALL" }))
            .Set("privileged", false)
            .Set("runAsNonRoot", defaults.RunAsNonRoot)
            .Set("seccompProfile", ConfigYaml.Map().Set("type", "RuntimeDefault"));
        var executor = ConfigYaml.Map()
            .Set("image", args.Images.ExecutorImage)
            .Set("imagePullPolicy", "IfNotPresent")
            .Set("resources", ConfigYaml.Map()
                .Set("requests", ConfigYaml.Map().Set("cpu", "10m").Set("memory", "64Mi"))
                .Set("limits", ConfigYaml.Map().Set("cpu", "500m").Set("memory", "512Mi")))
            .Set("securityContext", containerSecurity);
        var mainContainer = ConfigYaml.Map().Set("securityContext", containerSecurity);

        var data = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["workflowDefaults"] = ConfigYaml.Write(workflowDefaults),
            ["executor"] = ConfigYaml.Write(executor),
            ["mainContainer"] = ConfigYaml.Write(mainContainer),
            ["metricsConfig"] = ConfigYaml.Write(ConfigYaml.Map()
                .Set("enabled", args.Metrics.Enabled)
                .Set("path", "/metrics")
                .Set("port", args.Metrics.Port)
                .Set("secure", args.Metrics.Secure)),
        };

        if (args.TemplateReferencing != TemplateReferencing.None)
        {
            data["workflowRestrictions"] = ConfigYaml.Write(ConfigYaml.Map().Set("templateReferencing", args.TemplateReferencing.ToString()));
        }

        if (args.Persistence is { } persistence)
        {
            data["persistence"] = ConfigYaml.Write(Persistence.Config(persistence));
        }

        if (args.ImageEntrypoints?.Index is { Count: > 0 } index)
        {
            // F13 avoided: the controller takes a listed image's command from here instead of its registry.
            data["images"] = ConfigYaml.Write(ImageIndex(index));
        }

        ReleaseConfigKeys.Require(args.Images.Version, data);
        var configMap = KubeObjects.Create<V1ConfigMap>(Labels.ControllerConfigMapName, args.Namespace, Labels.Common(Component));
        configMap.Data = data;
        return configMap;
    }

    /// <summary>The <c>images</c> key: image to <c>entrypoint</c> and <c>cmd</c>, sorted by image for stable output.</summary>
    private static ConfigYaml.YamlMap ImageIndex(IEnumerable<ImageEntrypoint> index)
    {
        var map = ConfigYaml.Map();
        foreach (var entry in index.OrderBy(e => e.Image, StringComparer.Ordinal))
        {
            map.Set(entry.Image, ConfigYaml.Map()
                .Set("entrypoint", entry.Entrypoint is { Count: > 0 } entrypoint ? entrypoint : null)
                .Set("cmd", entry.Cmd is { Count: > 0 } cmd ? cmd : null));
        }

        return map;
    }

    private static V1Deployment Deployment(ArgoControllerArgs args)
    {
        var containerArgs = new List<string> { "--configmap", Labels.ControllerConfigMapName };
        if (args.Scope.IsNamespaced)
        {
            containerArgs.AddRange(["--namespaced", "--managed-namespace", args.Scope.ManagedNamespace!]);
        }

        var env = new List<V1EnvVar>
        {
            new() { Name = "LEADER_ELECTION_IDENTITY", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.name" } } },
        };
        if (args.Pprof)
        {
            env.Add(new V1EnvVar { Name = "ARGO_PPROF", Value = "true" });
        }

        // Validation refuses an allow-list for a release that does not read the variable.
        if (args.UserOverrideAllowlist.Count > 0)
        {
            env.Add(new V1EnvVar { Name = "WORKFLOW_USER_OVERRIDE_ALLOWLIST", Value = string.Join(",", args.UserOverrideAllowlist.Select(f => f.Trim())) });
        }

        var ports = new List<V1ContainerPort>();
        if (args.Metrics.Enabled)
        {
            ports.Add(new V1ContainerPort { Name = "metrics", ContainerPort = args.Metrics.Port, Protocol = "TCP" });
        }

        ports.Add(new V1ContainerPort { Name = "health", ContainerPort = Labels.ControllerHealthPort, Protocol = "TCP" });

        var container = new V1Container
        {
            Name = Labels.ControllerName,
            Image = args.Images.ControllerImage,
            ImagePullPolicy = "IfNotPresent",
            Command = ["workflow-controller"],
            Args = containerArgs,
            Env = env,
            Ports = ports,
            LivenessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = "health" },
                FailureThreshold = 3,
                InitialDelaySeconds = 90,
                PeriodSeconds = 60,
                TimeoutSeconds = 30,
            },

            // /healthz answers ok on replicas that are not the leader, so a standby replica is ready and rollouts proceed.
            ReadinessProbe = new V1Probe
            {
                HttpGet = new V1HTTPGetAction { Path = "/healthz", Port = "health" },
                PeriodSeconds = 20,
                TimeoutSeconds = 10,
            },
            Resources = PodSecurity.Resources(args.Resources),
            SecurityContext = PodSecurity.Container(),
        };

        return Workloads.Deployment(Labels.ControllerName, args.Namespace, Component, args.Replicas, new V1PodSpec
        {
            ServiceAccountName = Labels.ControllerName,
            AutomountServiceAccountToken = true,
            SecurityContext = PodSecurity.Pod(WorkflowPodDefaults.ArgoNonRootUid),
            NodeSelector = new SortedDictionary<string, string> { ["kubernetes.io/os"] = "linux" },
            Containers = [container],
        });
    }

    private static V1NetworkPolicy NetworkPolicy(ArgoControllerArgs args)
    {
        var ingress = new List<V1NetworkPolicyIngressRule>();
        if (args.Metrics.Enabled)
        {
            if (args.Metrics.ScrapeFromAnyNamespace)
            {
                ingress.Add(NetworkPolicies.FromNamespaces(null, args.Metrics.Port));
            }
            else if (args.Metrics.ScraperNamespace is { } scraper)
            {
                ingress.Add(NetworkPolicies.FromNamespaces([scraper], args.Metrics.Port));
            }
        }

        var egress = new List<V1NetworkPolicyEgressRule> { NetworkPolicies.Dns() };
        egress.AddRange(NetworkPolicies.ApiServer(args.ApiServerEgress));
        if (args.Persistence is { } persistence)
        {
            egress.AddRange(NetworkPolicies.To([new EgressTarget { Cidr = persistence.Cidr, Port = persistence.EffectivePort }]));
        }

        // F13 (section 4.3): the registries an entrypoint lookup reads image configs from, only where turned on.
        egress.AddRange(NetworkPolicies.To(args.ImageEntrypoints?.RegistryEgress ?? []));

        return NetworkPolicies.ForPods(Labels.ControllerName, args.Namespace, Component,
            NetworkPolicies.MatchLabels(Labels.PodSelector(Labels.ControllerName)), ingress, egress);
    }
}
