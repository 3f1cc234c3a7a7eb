using ArgoSecure.Validation;

namespace ArgoSecure.Planning;

/// <summary>
/// Args to the ordered Kubernetes objects of a working, hardened install. Every entry point validates first and
/// throws <see cref="ArgoSecureValidationException"/>, listing every problem, before it plans anything.
/// </summary>
public static class Planner
{
    // Kubernetes needs namespaces and CRDs before what lives in them, accounts before their token Secrets,
    // roles before bindings; the rest is ordered for readability.
    private static readonly string[] KindOrder =
    [
        "Namespace", "CustomResourceDefinition", "ServiceAccount", "Secret", "ConfigMap",
        "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment",
        "PodDisruptionBudget", "NetworkPolicy", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    ];

    /// <summary>Plans a whole install: controller, server and workflow namespaces.</summary>
    public static InstallPlan Plan(ArgoWorkflowsArgs args)
    {
        var validation = ArgsValidator.Validate(args);
        validation.ThrowIfInvalid();

        // The install's accepted risks relax every part; the controller's acceptance of ARGO0023 covers the namespaces
        // whose rollout mode it sets.
        var installRisks = (args.AcceptedRisks ?? [])
            .Concat((args.Controller.AcceptedRisks ?? []).Where(r => r?.RuleId == Rules.RuleCatalog.WorkflowSpecsNotEnforced))
            .ToList();
        var objects = new List<PlannedObject>(ControllerPlanner.Plan(Composition.ControllerOf(args), installRisks));
        if (Composition.ServerOf(args) is { } server)
        {
            objects.AddRange(ServerPlanner.Plan(server));
        }

        foreach (var workflowNamespace in Composition.WorkflowNamespacesOf(args))
        {
            objects.AddRange(WorkflowNamespacePlanner.Plan(workflowNamespace, installRisks));
        }

        return new InstallPlan(Order(objects), validation);
    }

    /// <summary>
    /// Plans the controller alone (with the CRDs and, for a cluster install, the admission guard and the policy of
    /// ClusterWorkflowTemplates).
    /// </summary>
    public static InstallPlan PlanController(ArgoControllerArgs args)
    {
        var validation = ArgsValidator.Validate(args);
        validation.ThrowIfInvalid();
        return new InstallPlan(Order(ControllerPlanner.Plan(args, [])), validation);
    }

    /// <summary>Plans argo-server alone.</summary>
    public static InstallPlan PlanServer(ArgoServerArgs args)
    {
        var validation = ArgsValidator.Validate(args);
        validation.ThrowIfInvalid();
        return new InstallPlan(Order(ServerPlanner.Plan(args)), validation);
    }

    /// <summary>Plans one workflow namespace alone (for example in a team's own stack).</summary>
    public static InstallPlan PlanWorkflowNamespace(WorkflowNamespaceArgs args)
    {
        var validation = ArgsValidator.Validate(args);
        validation.ThrowIfInvalid();
        return new InstallPlan(Order(WorkflowNamespacePlanner.Plan(args, [])), validation);
    }

    private static List<PlannedObject> Order(IEnumerable<PlannedObject> objects)
    {
        // Components may plan the same object (a Secret of a database both the controller and the server read):
        // identical copies are one object; different objects with one name are a conflict.
        var list = objects
            .GroupBy(o => (o.ApiVersion, o.Kind, o.Namespace, o.Name, Yaml: Rendering.ManifestRenderer.RenderOne(o)))
            .Select(g => g.First())
            .ToList();
        var duplicate = list.GroupBy(o => (o.ApiVersion, o.Kind, o.Namespace, o.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgoSecureValidationException(
                $"Two planned objects are both {duplicate.First()}: a workflow namespace, service account or role name is used twice. Rename one of them.");
        }

        return list
            .OrderBy(o => Rank(o.Kind))
            .ThenBy(o => o.Namespace ?? "", StringComparer.Ordinal)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static int Rank(string kind)
    {
        var index = Array.IndexOf(KindOrder, kind);
        return index < 0 ? KindOrder.Length : index;
    }
}
