namespace ArgoSecure;

/// <summary>
/// How <see cref="ArgoWorkflowsArgs"/> hands the controller's namespace, scope, images and database to the
/// server and the workflow namespaces, without changing the user's objects.
/// </summary>
public static class Composition
{
    /// <summary>
    /// The controller's Args with the memoization caches of every workflow namespace added to its own: the
    /// controller holds the grants for all of them.
    /// </summary>
    public static ArgoControllerArgs ControllerOf(ArgoWorkflowsArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var controller = args.Controller ?? new ArgoControllerArgs();
        var caches = (controller.MemoizationCaches ?? [])
            .Concat((args.WorkflowNamespaces ?? []).Where(n => n is not null).SelectMany(n => n.MemoizationCaches ?? []))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (caches.Count == (controller.MemoizationCaches?.Count ?? 0))
        {
            return controller;
        }

        var composed = controller.ShallowCopy();
        composed.MemoizationCaches = caches;
        return composed;
    }

    /// <summary>The server's Args with the controller's namespace, scope, images and database.</summary>
    public static ArgoServerArgs? ServerOf(ArgoWorkflowsArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var server = args.Server;
        if (server is null)
        {
            return null;
        }

        var controller = args.Controller ?? new ArgoControllerArgs();
        return new ArgoServerArgs
        {
            Namespace = controller.Namespace,
            Scope = controller.Scope,
            Images = controller.Images,
            AuthModes = server.AuthModes,
            Tls = server.Tls,
            Sso = server.Sso,
            AccessLevel = server.AccessLevel,
            IngressFromNamespaces = server.IngressFromNamespaces,
            Persistence = server.Persistence ?? controller.Persistence,
            ArtifactRepositoryEgress = server.ArtifactRepositoryEgress.Count > 0 ? server.ArtifactRepositoryEgress : controller.ArtifactRepositoryEgress,
            ApiServerEgress = server.ApiServerEgress.Count > 0 ? server.ApiServerEgress : controller.ApiServerEgress,
            AccessControlAllowOrigin = server.AccessControlAllowOrigin,
            NetworkPolicies = server.NetworkPolicies,
            Replicas = server.Replicas,
            Resources = server.Resources,
            AcceptedRisks = server.AcceptedRisks,
        };
    }

    /// <summary>
    /// The workflow namespaces with the controller's namespace, scope and pod defaults; for a namespace
    /// install, the managed namespace is added when the list does not name it.
    /// </summary>
    public static IReadOnlyList<WorkflowNamespaceArgs> WorkflowNamespacesOf(ArgoWorkflowsArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var controller = args.Controller ?? new ArgoControllerArgs();
        var namespaces = (args.WorkflowNamespaces ?? []).Where(n => n is not null).ToList();
        if (controller.Scope is { IsNamespaced: true, ManagedNamespace: { } managed } &&
            !namespaces.Exists(n => string.Equals(n.Name, managed, StringComparison.Ordinal)))
        {
            namespaces.Add(new WorkflowNamespaceArgs { Name = managed });
        }

        return namespaces.Select(n => new WorkflowNamespaceArgs
        {
            Name = n.Name,

            // Where a risk was accepted and workflows share the controller's namespace, the controller creates it.
            CreateNamespace = n.CreateNamespace && !string.Equals(n.Name, controller.Namespace, StringComparison.Ordinal),
            ControllerNamespace = controller.Namespace,
            Scope = controller.Scope,
            ServerEnabled = args.Server is not null,
            WorkflowDefaults = controller.WorkflowDefaults,
            AllowedServiceAccounts = n.AllowedServiceAccounts,
            ImageEntrypoints = controller.ImageEntrypoints,
            ImagePullSecrets = n.ImagePullSecrets,
            MemoizationCaches = n.MemoizationCaches,
            LargeTemplateOffload = n.LargeTemplateOffload,
            HttpTemplates = n.HttpTemplates,
            WorkflowSpecEnforcement = !controller.AdmissionGuard ? WorkflowSpecEnforcement.Off : n.WorkflowSpecEnforcement ?? controller.WorkflowSpecEnforcement,
            Submitters = n.Submitters,
            Viewers = n.Viewers,
            ArtifactRepositoryEgress = n.ArtifactRepositoryEgress.Count > 0 ? n.ArtifactRepositoryEgress : controller.ArtifactRepositoryEgress,
            ExtraEgress = n.ExtraEgress,
            ApiServerEgress = n.ApiServerEgress.Count > 0 ? n.ApiServerEgress : controller.ApiServerEgress,
            NetworkPolicies = n.NetworkPolicies,
            AcceptedRisks = n.AcceptedRisks,
        }).ToList();
    }
}
