using ArgoSecure.Audit;
using ArgoSecure.Enforcement;
using ArgoSecure.Rules;
using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>
/// The ValidatingAdmissionPolicies (Kubernetes 1.30+) that hold workflow specs to the hardened posture: one policy
/// and one binding per workflow namespace (its allowed service accounts, executor account, accepted risks and
/// rollout mode differ), and one for the ClusterWorkflowTemplates of a cluster install. The controller's own
/// requests, and UPDATEs that change none of the fields the checks read, are not judged again, so Argo keeps
/// updating and finishing what was admitted before.
/// </summary>
internal static class WorkflowSpecPolicies
{
    /// <summary>The component label of the policies and bindings.</summary>
    public const string Component = "workflow-spec-policy";

    /// <summary>The namespaced Argo resources that carry a workflow spec.</summary>
    public static readonly string[] NamespacedResources = ["workflows", "cronworkflows", "workflowtemplates"];

    /// <summary>The cluster-scoped Argo resource that carries a workflow spec.</summary>
    public const string ClusterResource = "clusterworkflowtemplates";

    /// <summary>The policy (and binding) name of a workflow namespace.</summary>
    public static string NamespacePolicyName(string workflowNamespace) => $"argosecure-{workflowNamespace}-workflow-specs";

    /// <summary>The policy (and binding) name of a cluster install's ClusterWorkflowTemplates.</summary>
    public static string ClusterPolicyName(string controllerNamespace) => $"argosecure-{controllerNamespace}-cluster-workflow-templates";

    /// <summary>The policy and binding of one workflow namespace; nothing when enforcement is off or every check is accepted.</summary>
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> ForNamespace(WorkflowNamespaceArgs args, IEnumerable<AcceptedRisk?> installRisks)
    {
        var defaults = args.WorkflowDefaults;
        var allowed = new[] { defaults.ServiceAccountName }.Concat(args.AllowedServiceAccounts ?? []).Distinct(StringComparer.Ordinal).ToList();
        var scope = new EnforcementScope(args.Name, allowed, defaults.ExecutorServiceAccountName, WorkflowFeatures.Of(args));
        var selector = new V1LabelSelector { MatchLabels = new SortedDictionary<string, string> { [Labels.NamespaceNameLabel] = args.Name } };
        var rule = new V1NamedRuleWithOperations
        {
            ApiGroups = [Crds.Group],
            ApiVersions = [Crds.Version],
            Operations = ["CREATE", "UPDATE"],
            Resources = [.. NamespacedResources],
            Scope = "Namespaced",
        };
        return Create(NamespacePolicyName(args.Name), scope, rule, selector, args.ControllerNamespace,
            args.WorkflowSpecEnforcement ?? WorkflowSpecEnforcement.Deny, (args.AcceptedRisks ?? []).Concat(installRisks));
    }

    /// <summary>The policy and binding of a cluster install's ClusterWorkflowTemplates (cluster-scoped: no namespace selector).</summary>
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> ForClusterTemplates(ArgoControllerArgs args, IEnumerable<AcceptedRisk?> installRisks)
    {
        var defaults = args.WorkflowDefaults;
        var scope = new EnforcementScope(null, [defaults.ServiceAccountName], defaults.ExecutorServiceAccountName, WorkflowFeatures.OfController(args));
        var rule = new V1NamedRuleWithOperations
        {
            ApiGroups = [Crds.Group],
            ApiVersions = [Crds.Version],
            Operations = ["CREATE", "UPDATE"],
            Resources = [ClusterResource],
            Scope = "Cluster",
        };
        return Create(ClusterPolicyName(args.Namespace), scope, rule, null, args.Namespace, args.WorkflowSpecEnforcement, (args.AcceptedRisks ?? []).Concat(installRisks));
    }

    /// <summary>
    /// The annotation that records an accepted ARGO0023 on an object the audit reports it on (the controller when
    /// no policy is rendered, a namespace left without one), or null when the risk is not accepted.
    /// </summary>
    public static Dictionary<string, string>? NotEnforcedAcceptance(IEnumerable<AcceptedRisk?> risks) =>
        risks.FirstOrDefault(r => r is { RuleId: RuleCatalog.WorkflowSpecsNotEnforced } && !string.IsNullOrWhiteSpace(r.Justification)) is { } risk
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [AcceptanceAnnotation.Prefix + risk.RuleId] = risk.Justification }
            : null;

    /// <summary>The controller's user name, whose own requests (status, labels, Workflows from CronWorkflows) are not judged.</summary>
    public static string ControllerUser(string controllerNamespace) => $"system:serviceaccount:{controllerNamespace}:{Labels.ControllerName}";

    /// <summary>The validation actions of a rollout mode.</summary>
    public static IList<string> ValidationActions(WorkflowSpecEnforcement mode) => mode == WorkflowSpecEnforcement.Deny ? ["Deny"] : ["Warn", "Audit"];

    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> Create(
        string name, EnforcementScope scope, V1NamedRuleWithOperations rule, V1LabelSelector? namespaceSelector, string controllerNamespace,
        WorkflowSpecEnforcement mode, IEnumerable<AcceptedRisk?> risks)
    {
        if (mode == WorkflowSpecEnforcement.Off)
        {
            return [];
        }

        var accepted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var risk in risks)
        {
            if (risk is { RuleId: { } id } && !string.IsNullOrWhiteSpace(risk.Justification))
            {
                accepted.TryAdd(id, risk.Justification);
            }
        }

        var checks = AdmissionChecks.All.Where(c => c.AppliesTo(scope) && !accepted.ContainsKey(c.RuleId)).ToList();
        if (checks.Count == 0)
        {
            return [];
        }

        // An accepted risk of a check's rule removes that check here and is recorded, with its justification, on the policy.
        var relaxed = AdmissionChecks.All.Select(c => c.RuleId).Where(accepted.ContainsKey).Distinct(StringComparer.Ordinal)
            .ToDictionary(id => AcceptanceAnnotation.Prefix + id, id => accepted[id], StringComparer.Ordinal);
        var policy = KubeObjects.Create<V1ValidatingAdmissionPolicy>(name, null, Labels.Common(Component), relaxed);
        policy.Spec = new V1ValidatingAdmissionPolicySpec
        {
            FailurePolicy = "Fail",
            MatchConstraints = new V1MatchResources { NamespaceSelector = namespaceSelector, ResourceRules = [rule] },
            MatchConditions =
            [
                new V1MatchCondition { Name = "not-the-workflow-controller", Expression = $"request.userInfo.username != {Cel.Quote(ControllerUser(controllerNamespace))}" },
                new V1MatchCondition { Name = "workflow-spec-changed", Expression = SpecChanged() },
            ],
            Variables = PolicyVariables.All.Select(v => new V1Variable { Name = v.Name, Expression = v.Expression }).ToList(),
            Validations = checks.Select(c => new V1Validation { Expression = c.Expression(scope), Message = c.Message(scope), Reason = "Forbidden" }).ToList(),
        };

        // Warn mode is ARGO0023; where that risk is accepted the binding says so, for the audit.
        var bindingAnnotations = mode != WorkflowSpecEnforcement.Deny && accepted.TryGetValue(RuleCatalog.WorkflowSpecsNotEnforced, out var why)
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [AcceptanceAnnotation.Prefix + RuleCatalog.WorkflowSpecsNotEnforced] = why }
            : null;
        var binding = KubeObjects.Create<V1ValidatingAdmissionPolicyBinding>(name, null, Labels.Common(Component), bindingAnnotations);
        binding.Spec = new V1ValidatingAdmissionPolicyBindingSpec
        {
            PolicyName = name,
            ValidationActions = ValidationActions(mode),
            MatchResources = namespaceSelector is null ? null : new V1MatchResources { NamespaceSelector = namespaceSelector },
        };
        return [policy, binding];
    }

    /// <summary>
    /// True unless the request is an UPDATE that leaves every spec field the checks read as it was (for a
    /// CronWorkflow, its whole workflowSpec): status, label and finalizer updates, suspend, stop and terminate.
    /// </summary>
    private static string SpecChanged()
    {
        const string New = "object.spec";
        const string Old = "oldObject.spec";
        var bothMaps = $"has({New}) && has({Old}) && type({New}) == map && type({Old}) == map";
        var cron = $"{bothMaps} && ('workflowSpec' in {New}) == ('workflowSpec' in {Old}) && (!('workflowSpec' in {New}) || {New}.workflowSpec == {Old}.workflowSpec)";
        var fields = $"{bothMaps} && {Cel.List(AdmissionChecks.SpecFields)}.all(f, (f in {New}) == (f in {Old}) && (!(f in {New}) || {New}[f] == {Old}[f]))";
        return $"request.operation != 'UPDATE' || !(object.kind == 'CronWorkflow' ? ({cron}) : ({fields}))";
    }
}
