using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>
/// Plans a workflow namespace: the namespace, the workflow and executor service accounts, the executor's role,
/// the controller's access (cluster install) and what the namespace's feature switches add (the controller's feature
/// role, the agent's role, token and egress), the user roles, the NetworkPolicies and the workflow-spec policy.
/// </summary>
internal static class WorkflowNamespacePlanner
{
    private const string Component = "workflow-namespace";

    /// <summary>The executor's role: only what the wait container reports (reference/argo-rbac-needs.md §5.4).</summary>
    public const string ExecutorRoleName = "argo-executor";

    /// <summary>The role of workflow submitters.</summary>
    public const string SubmitterRoleName = "argo-workflow-submitter";

    /// <summary>The read-only UI role of the security guide.</summary>
    public const string ViewerRoleName = "argo-workflow-viewer";

    /// <summary>The controller's grants for the features this namespace turns on.</summary>
    public const string ControllerFeaturesRoleName = "argo-workflow-controller-features";

    /// <summary>The agent pods' role (HTTP templates), bound to the workflow service account.</summary>
    public const string AgentRoleName = "argo-agent";

    /// <summary>The NetworkPolicy of agent pods (HTTP templates).</summary>
    public const string AgentPodsPolicyName = "argo-agent-pods";

    /// <summary>The namespace's objects; <paramref name="installRisks"/> are the whole install's accepted risks.</summary>
    public static IEnumerable<PlannedObject> Plan(WorkflowNamespaceArgs args, IEnumerable<AcceptedRisk?> installRisks)
    {
        var ns = args.Name;
        var defaults = args.WorkflowDefaults;
        var objects = new List<PlannedObject>();
        void Add(IKubernetesObject<V1ObjectMeta> value) => objects.Add(new PlannedObject(ArgoComponent.WorkflowNamespace, value));

        if (args.CreateNamespace)
        {
            // Left without a policy, the namespace carries an accepted ARGO0023 for the audit.
            var annotations = args.WorkflowSpecEnforcement == WorkflowSpecEnforcement.Off
                ? WorkflowSpecPolicies.NotEnforcedAcceptance((args.AcceptedRisks ?? []).Concat(installRisks))
                : null;
            Add(KubeObjects.Create<V1Namespace>(ns, null, Labels.RestrictedNamespace(ns, Component), annotations));
        }

        var workflowAccount = KubeObjects.Create<V1ServiceAccount>(defaults.ServiceAccountName, ns, Labels.Common(Component));
        workflowAccount.AutomountServiceAccountToken = defaults.AutomountServiceAccountToken;
        Add(workflowAccount);

        if (!string.Equals(defaults.ExecutorServiceAccountName, defaults.ServiceAccountName, StringComparison.Ordinal))
        {
            var executorAccount = KubeObjects.Create<V1ServiceAccount>(defaults.ExecutorServiceAccountName, ns, Labels.Common(Component));
            executorAccount.AutomountServiceAccountToken = false;
            Add(executorAccount);
        }

        // Argo mounts the executor's token from this Secret into init and wait only.
        Add(LiteralSecrets.ServiceAccountToken(ns, defaults.ExecutorServiceAccountName, Component));

        Add(Rbac.Role(ExecutorRoleName, ns, Component, new RbacRuleSet().Allow(Crds.Group, "workflowtaskresults", "create", "patch")));
        Add(Rbac.RoleBinding(ExecutorRoleName, ns, Component, "Role", ExecutorRoleName, [Rbac.ServiceAccount(ns, defaults.ExecutorServiceAccountName)]));

        if (!args.Scope.IsNamespaced)
        {
            Add(Rbac.RoleBinding("argo-workflow-controller", ns, Component, "ClusterRole",
                ControllerPlanner.WorkflowNamespaceClusterRoleName(args.ControllerNamespace),
                [Rbac.ServiceAccount(args.ControllerNamespace, Labels.ControllerName)]));

            // argo-server runs in the controller's namespace; its role here is empty unless it acts for callers.
            if (args.ServerEnabled)
            {
                Add(Rbac.RoleBinding("argo-server", ns, Component, "ClusterRole",
                    ServerPlanner.WorkflowNamespaceClusterRoleName(args.ControllerNamespace),
                    [Rbac.ServiceAccount(args.ControllerNamespace, Labels.ServerName)]));
            }
        }

        var controllerFeatures = ControllerRbac.WorkflowNamespaceFeatures(args);
        if (controllerFeatures.ToRules().Count > 0)
        {
            Add(Rbac.Role(ControllerFeaturesRoleName, ns, Component, controllerFeatures));
            Add(Rbac.RoleBinding(ControllerFeaturesRoleName, ns, Component, "Role", ControllerFeaturesRoleName,
                [Rbac.ServiceAccount(args.ControllerNamespace, Labels.ControllerName)]));
        }

        if (args.HttpTemplates is { } http)
        {
            // Section 3.3: agent pods run as the workflow service account (spec.serviceAccountName, which the policy
            // keeps at that account) with its legacy token Secret mounted by the controller; main containers still get no token.
            Add(Rbac.Role(AgentRoleName, ns, Component, ControllerRbac.Agent(http)));
            Add(Rbac.RoleBinding(AgentRoleName, ns, Component, "Role", AgentRoleName, [Rbac.ServiceAccount(ns, defaults.ServiceAccountName)]));
            if (!string.Equals(defaults.ServiceAccountName, defaults.ExecutorServiceAccountName, StringComparison.Ordinal))
            {
                Add(LiteralSecrets.ServiceAccountToken(ns, defaults.ServiceAccountName, Component));
            }
        }

        AddUserRole(Add, ns, SubmitterRoleName, SubmitterRules(), args.Submitters);
        AddUserRole(Add, ns, ViewerRoleName, ViewerRules(), args.Viewers);

        if (args.NetworkPolicies)
        {
            if (args.CreateNamespace)
            {
                Add(NetworkPolicies.DefaultDeny(ns, Component));
            }

            var egress = new List<V1NetworkPolicyEgressRule> { NetworkPolicies.Dns() };
            egress.AddRange(NetworkPolicies.ApiServer(args.ApiServerEgress));
            egress.AddRange(NetworkPolicies.To(args.ArtifactRepositoryEgress.Concat(args.ExtraEgress)));

            // Workflow pods listen on nothing Argo needs: no ingress at all.
            Add(NetworkPolicies.ForPods("argo-workflow-pods", ns, Component, NetworkPolicies.WorkflowPods(), [], egress));

            if (args.HttpTemplates is { } httpTemplates)
            {
                // Section 4.3: agent pods also reach the HTTP templates' targets (DNS and the API server come from the
                // policy above). Selected by Argo's agent label, which the admission policy (ARGO0022) keeps authors
                // from setting on their own pods.
                Add(NetworkPolicies.ForPods(AgentPodsPolicyName, ns, Component, NetworkPolicies.AgentPods(), [],
                    NetworkPolicies.To(httpTemplates.Egress ?? []).ToList()));
            }
        }

        // Cluster-scoped: registered with the admission guard in a whole install, with the namespace's objects alone.
        foreach (var policy in WorkflowSpecPolicies.ForNamespace(args, installRisks))
        {
            objects.Add(new PlannedObject(ArgoComponent.AdmissionGuard, policy));
        }

        return objects;
    }

    /// <summary>The security guide's read-only UI role (clusterworkflowtemplates left out: a Role cannot grant cluster-scoped objects).</summary>
    internal static RbacRuleSet ViewerRules() => new RbacRuleSet()
        .Allow("", ["events", "pods", "pods/log"], "get", "list", "watch")
        .Allow(Crds.Group, ["eventsources", "sensors", "workflows", "workfloweventbindings", "workflowtemplates", "cronworkflows", "workflowtaskresults"], "get", "list", "watch");

    /// <summary>Submitters: the viewer role and workflow create (the controller then creates the pods for them).</summary>
    internal static RbacRuleSet SubmitterRules() => ViewerRules().Allow(Crds.Group, "workflows", "create");

    private static void AddUserRole(Action<IKubernetesObject<V1ObjectMeta>> add, string ns, string role, RbacRuleSet rules, List<RbacSubject> subjects)
    {
        if (subjects.Count == 0)
        {
            return;
        }

        add(Rbac.Role(role, ns, Component, rules));
        add(Rbac.RoleBinding(role, ns, Component, "Role", role, subjects.Select(Rbac.Subject)));
    }
}
