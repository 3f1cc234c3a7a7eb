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

    /// <summary>
    /// What the controller does to the objects of one workflow namespace, whatever the namespace turns on (the
    /// features add <see cref="WorkflowNamespaceFeatures"/>). serviceaccounts get (F12) is here because every
    /// workflow names the executor's account.
    /// </summary>
    internal static RbacRuleSet InWorkflowNamespace() => new RbacRuleSet()
        .Allow("", "pods", "get", "create", "patch", "delete")
        .Allow("", "pods/exec", "create")
        .Allow("", "configmaps", "get")
        .Allow("", "serviceaccounts", "get")
        .Allow("", "events", "create", "patch")
        .Allow("", "persistentvolumeclaims", "create", "get", "update", "delete")
        .Allow("policy", "poddisruptionbudgets", "create", "delete")
        .Allow(Crds.Group, "workflows", "get", "create", "update", "patch", "delete")
        .Allow(Crds.Group, "workflows/finalizers", "update")
        .Allow(Crds.Group, "workflowtemplates", "get")
        .Allow(Crds.Group, "workflowtaskresults", "deletecollection")
        .Allow(Crds.Group, "workflowartifactgctasks", "create", "delete")
        .Allow(Crds.Group, "cronworkflows", "patch")
        .Allow(Crds.Group, "cronworkflows/finalizers", "update");

    /// <summary>
    /// What the features a workflow namespace turns on add for the controller there, each exactly its entries of
    /// reference/argo-rbac-needs.md; empty when none is on.
    /// </summary>
    internal static RbacRuleSet WorkflowNamespaceFeatures(WorkflowNamespaceArgs args)
    {
        var rules = new RbacRuleSet();
        if (args.LargeTemplateOffload)
        {
            // F11: the ConfigMap that carries a template or args over 128 KiB, named after the pod. create cannot be
            // limited to names; Kubernetes deletes it with its Workflow (owner reference), so no delete.
            rules.Allow("", "configmaps", "create");
        }

        if (args.ImageEntrypoints is { RegistryLookups: true } && args.ImagePullSecrets is { Count: > 0 } pullSecrets)
        {
            // F13: the image-pull Secrets an entrypoint lookup reads (the service account itself is F12, above).
            rules.AllowNamed("", "secrets", pullSecrets, "get");
        }

        if (args.HttpTemplates is not null)
        {
            // F14: the agent CA Secret, checked before every agent pod (NotFound is fine, Forbidden is not).
            rules.AllowNamed("", "secrets", [AgentCaSecret], "get");

            // F15: one task set per workflow; F16: its completed results removed through the status subresource.
            rules.Allow(Crds.Group, "workflowtasksets", "create", "patch");
            rules.Allow(Crds.Group, "workflowtasksets/status", "patch");
        }

        return rules;
    }

    /// <summary>
    /// §3.3: the agent pod's calls, made with the workflow service account's token: it watches its task set (list
    /// is never called) and patches its status, and reads the Secrets HTTP headers name.
    /// </summary>
    internal static RbacRuleSet Agent(HttpTemplatesArgs http)
    {
        var rules = new RbacRuleSet()
            .Allow(Crds.Group, "workflowtasksets", "watch")
            .Allow(Crds.Group, "workflowtasksets/status", "patch");
        if (http.HeaderSecrets is { Count: > 0 } secrets)
        {
            rules.AllowNamed("", "secrets", secrets, "get");
        }

        return rules;
    }

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

        if (args.MemoizationCaches is { Count: > 0 } caches)
        {
            // F9: a cache is read and, on every hit and save, updated in the controller's own namespace. get and
            // update are limited to the listed caches (admission refuses others); create cannot be limited by name.
            // F10 (cache GC, delete) stays off: CACHE_GC_PERIOD is not set.
            rules.Allow("", "configmaps", "create");
            rules.AllowNamed("", "configmaps", caches, "get", "update");
        }

        return rules;
    }
}
