namespace ArgoSecure.Planning;

/// <summary>
/// What the workflow-controller really calls (reference/argo-rbac-needs.md §1 and §5.1–5.2), split into what it
/// needs across the cluster (informers), in each workflow namespace, and in its own namespace. Every grant here is
/// also in the upstream v4.1.2 controller roles; the grants upstream has and the controller never uses are left out.
/// </summary>
public static class ControllerRbac
{
    /// <summary>The Secret the controller reads for HTTP and plugin templates (agent CA).</summary>
    public const string AgentCaSecret = "argo-workflows-agent-ca-certificates";

    /// <summary>The leader-election Lease.</summary>
    public const string LeaseName = "workflow-controller";

    /// <summary>List and watch for the informers whose cache sync the controller waits for.</summary>
    internal static RbacRuleSet Informers(bool clusterWorkflowTemplates)
    {
        var rules = new RbacRuleSet()
            .Allow("", ["pods", "configmaps"], "list", "watch")
            .Allow(Crds.Group, ["workflows", "workflowtemplates", "workflowtaskresults", "workflowtasksets", "workflowartifactgctasks", "cronworkflows"], "list", "watch");
        if (clusterWorkflowTemplates)
        {
            // All three verbs: the controller's access review asks for get, list and watch before it starts the informer.
            rules.Allow(Crds.Group, "clusterworkflowtemplates", "get", "list", "watch");
        }

        return rules;
    }

    /// <summary>What the controller does to the objects of one workflow namespace.</summary>
    internal static RbacRuleSet InWorkflowNamespace() => new RbacRuleSet()
        .Allow("", "pods", "get", "create", "patch", "delete")
        .Allow("", "pods/exec", "create")
        .Allow("", "configmaps", "get")
        .Allow("", "serviceaccounts", "get")
        .Allow("", "events", "create", "patch")
        .AllowNamed("", "secrets", [AgentCaSecret], "get")
        .Allow("", "persistentvolumeclaims", "create", "get", "update", "delete")
        .Allow("policy", "poddisruptionbudgets", "create", "delete")
        .Allow(Crds.Group, "workflows", "get", "create", "update", "patch", "delete")
        .Allow(Crds.Group, "workflows/finalizers", "update")
        .Allow(Crds.Group, "workflowtemplates", "get")
        .Allow(Crds.Group, "workflowtaskresults", "deletecollection")
        .Allow(Crds.Group, "workflowtasksets", "create", "patch")
        .Allow(Crds.Group, "workflowartifactgctasks", "create", "delete")
        .Allow(Crds.Group, "cronworkflows", "patch")
        .Allow(Crds.Group, "cronworkflows/finalizers", "update");

    /// <summary>What the controller needs in its own namespace: config, leader election, database Secrets.</summary>
    internal static RbacRuleSet InControllerNamespace(ArgoControllerArgs args)
    {
        var rules = new RbacRuleSet()
            .Allow("coordination.k8s.io", "leases", "create")
            .AllowNamed("coordination.k8s.io", "leases", [LeaseName], "get", "update")
            .AllowNamed("", "configmaps", [Labels.ControllerConfigMapName], "get")
            .Allow("", "events", "create", "patch");
        if (args.Scope.IsNamespaced)
        {
            // Hot reload of the ConfigMap lists and watches without a name (the cluster informers cover this otherwise).
            rules.Allow("", "configmaps", "list", "watch");
        }

        if (args.Persistence is { } persistence)
        {
            rules.AllowNamed("", "secrets", new[] { persistence.UserNameSecret.Name, persistence.PasswordSecret.Name }, "get");
        }

        return rules;
    }
}
