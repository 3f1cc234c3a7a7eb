namespace ArgoSecure.Releases;

/// <summary>Where a component makes an API call.</summary>
public enum NeedScope
{
    /// <summary>The namespace the component runs in.</summary>
    InstallNamespace,

    /// <summary>Every namespace where workflows run (a cluster-wide grant covers them).</summary>
    WorkflowNamespace,
}

/// <summary>
/// One API call a component makes whatever features are used (REQUIRED in reference/argo-rbac-needs.md), so a role
/// without it breaks the install. <see cref="Item"/> is the entry there (C1…C27, S1…S12), whose source is cited.
/// </summary>
/// <param name="Item">The entry of the call in the RBAC derivation (docs/least-privilege.md).</param>
/// <param name="Group">The API group (empty for the core group).</param>
/// <param name="Resource">The resource or subresource.</param>
/// <param name="Verb">The verb.</param>
/// <param name="Where">Where the call is made.</param>
/// <param name="ResourceName">The one object the call names, or null for any.</param>
public sealed record RbacNeed(string Item, string Group, string Resource, string Verb, NeedScope Where, string? ResourceName = null);

/// <summary>The calls the workflow-controller and argo-server (client mode) make in every supported line (no line adds or drops one).</summary>
public static class RbacNeeds
{
    /// <summary>The workflow-controller's calls that no feature switch turns off.</summary>
    public static IReadOnlyList<RbacNeed> Controller { get; } = Build(
    [
        ("C1", "", "configmaps", ["get"], NeedScope.InstallNamespace, "workflow-controller-configmap"),
        ("C3", "coordination.k8s.io", "leases", ["get", "update"], NeedScope.InstallNamespace, "workflow-controller"),
        ("C3", "coordination.k8s.io", "leases", ["create"], NeedScope.InstallNamespace, null),
        ("C5", "argoproj.io", "workflows", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C7", "argoproj.io", "workflows", ["get", "update"], NeedScope.WorkflowNamespace, null),
        ("C9", "argoproj.io", "workflowtemplates", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C11", "argoproj.io", "workflowtaskresults", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C12", "argoproj.io", "workflowtaskresults", ["deletecollection"], NeedScope.WorkflowNamespace, null),
        ("C13", "argoproj.io", "workflowtasksets", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C14", "argoproj.io", "workflowartifactgctasks", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C15", "", "pods", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C16", "", "pods", ["create", "get"], NeedScope.WorkflowNamespace, null),
        ("C17", "", "pods", ["patch"], NeedScope.WorkflowNamespace, null),
        ("C18", "", "pods", ["delete"], NeedScope.WorkflowNamespace, null),
        ("C20", "", "pods/exec", ["create"], NeedScope.WorkflowNamespace, null),
        ("C21", "", "configmaps", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("C22", "", "configmaps", ["get"], NeedScope.WorkflowNamespace, null),
    ]);

    /// <summary>argo-server's own calls in client mode (its callers' identities do the rest).</summary>
    public static IReadOnlyList<RbacNeed> Server { get; } = Build(
    [
        ("S1", "", "configmaps", ["get"], NeedScope.InstallNamespace, "argo-server-configmap"),
        ("S2", "argoproj.io", "workflows", ["list", "watch"], NeedScope.WorkflowNamespace, null),
        ("S3", "argoproj.io", "workflowtemplates", ["list", "watch"], NeedScope.WorkflowNamespace, null),
    ]);

    /// <summary>
    /// The controller's calls for features (reference/argo-rbac-needs.md §5.7) that upstream's roles of every supported line
    /// lack; ArgoSecure grants each only where its feature switch is on.
    /// </summary>
    public static IReadOnlyList<RbacNeed> MissingUpstream { get; } = Build(
    [
        ("F9", "", "configmaps", ["create", "update"], NeedScope.InstallNamespace, null),
        ("F11", "", "configmaps", ["create"], NeedScope.WorkflowNamespace, null),
        ("F13", "", "secrets", ["get"], NeedScope.WorkflowNamespace, null),
        ("F16", "argoproj.io", "workflowtasksets/status", ["patch"], NeedScope.WorkflowNamespace, null),
    ]);

    private static List<RbacNeed> Build((string Item, string Group, string Resource, string[] Verbs, NeedScope Where, string? Name)[] rows) =>
        rows.SelectMany(r => r.Verbs.Select(v => new RbacNeed(r.Item, r.Group, r.Resource, v, r.Where, r.Name))).ToList();
}
