using ArgoSecure.Validation;

namespace ArgoSecure.Planning;

/// <summary>
/// What argo-server's own service account needs for its auth modes (reference/argo-rbac-needs.md §2 and §5.3).
/// In client mode and SSO with RBAC the callers' identities do the work: the server only lists and watches
/// workflows and templates. Only where the server acts for its callers does it get the UI's read access, and
/// write verbs only when AccessLevel is ReadWrite (ARGO0012).
/// </summary>
internal static class ServerRbac
{
    /// <summary>The Secret argo-server creates for its SSO cookie encryption key.</summary>
    public const string SsoKeySecret = "sso";

    private static readonly string[] ArgoReadResources = ["workflows", "workflowtemplates", "cronworkflows", "workfloweventbindings", "workflowtaskresults"];
    private static readonly string[] ArgoWriteResources = ["workflows", "workflowtemplates", "cronworkflows", "workfloweventbindings"];

    /// <summary>What the server lists and watches across the cluster (or in the managed namespace).</summary>
    public static RbacRuleSet WorkflowListing(ArgoServerArgs args, bool clusterScope)
    {
        var rules = new RbacRuleSet()
            .Allow(Crds.Group, ["workflows", "workflowtemplates"], "list", "watch");
        if (clusterScope)
        {
            rules.Allow(Crds.Group, "clusterworkflowtemplates", "get", "list", "watch");
            if (ArgsValidator.ActsForCallers(args) && args.AccessLevel == ServerAccessLevel.ReadWrite)
            {
                rules.Allow(Crds.Group, "clusterworkflowtemplates", "create", "update", "patch", "delete");
            }

            if (SsoRbac(args))
            {
                rules.Allow("", "serviceaccounts", "list", "watch");
            }
        }

        return rules;
    }

    /// <summary>
    /// What the server does inside a workflow namespace when it acts for its callers (auth mode server, SSO
    /// without RBAC): the UI's read access, and writes only with ReadWrite. Empty otherwise. In a cluster install
    /// this is bound per workflow namespace, so the server never writes in the controller's namespace.
    /// </summary>
    public static RbacRuleSet InWorkflowNamespace(ArgoServerArgs args)
    {
        var rules = new RbacRuleSet();
        if (ArgsValidator.ActsForCallers(args))
        {
            rules.Allow("", ["pods", "events"], "get", "list", "watch")
                .Allow("", "pods/log", "get")
                .Allow(Crds.Group, ArgoReadResources, "get", "list", "watch");
            if (args.AccessLevel == ServerAccessLevel.ReadWrite)
            {
                rules.Allow(Crds.Group, ArgoWriteResources, "create", "update", "patch", "delete")
                    .Allow("", "pods", "delete");
            }
        }

        return rules;
    }

    /// <summary>The rules in the server's own namespace: its ConfigMap and the Secrets it reads by name.</summary>
    public static RbacRuleSet InServerNamespace(ArgoServerArgs args)
    {
        var rules = new RbacRuleSet().AllowNamed("", "configmaps", [Labels.ServerConfigMapName], "get");
        var secrets = new List<string>();
        if (args.Tls.Enabled && args.Tls.CertificateSecretName is { } tlsSecret)
        {
            secrets.Add(tlsSecret);
        }

        if (args.Persistence is { } persistence)
        {
            secrets.AddRange([persistence.UserNameSecret.Name, persistence.PasswordSecret.Name]);
        }

        if (args.AuthModes.Contains(AuthMode.Sso) && args.Sso is { } sso)
        {
            secrets.AddRange([SsoKeySecret, sso.ClientId.Name, sso.ClientSecret.Name]);

            // argo-server creates the 'sso' key Secret on first start; create cannot be limited by name.
            rules.Allow("", "secrets", "create");
            if (SsoRbac(args) && !args.Scope.IsNamespaced)
            {
                secrets.AddRange(sso.RbacRules.Select(r => LiteralSecrets.TokenSecretName(r.ServiceAccountName)));
            }
        }

        if (secrets.Count > 0)
        {
            rules.AllowNamed("", "secrets", secrets, "get");
        }

        return rules;
    }

    /// <summary>For a namespace install with SSO RBAC: the service accounts and their tokens live in the managed namespace.</summary>
    public static RbacRuleSet SsoRbacInManagedNamespace(ArgoServerArgs args)
    {
        var rules = new RbacRuleSet();
        if (SsoRbac(args) && args.Scope.IsNamespaced)
        {
            rules.Allow("", "serviceaccounts", "list", "watch");
            var tokens = args.Sso!.RbacRules.Select(r => LiteralSecrets.TokenSecretName(r.ServiceAccountName)).ToList();
            if (tokens.Count > 0)
            {
                rules.AllowNamed("", "secrets", tokens, "get");
            }
        }

        return rules;
    }

    /// <summary>True when SSO is on with RBAC.</summary>
    public static bool SsoRbac(ArgoServerArgs args) => args.AuthModes.Contains(AuthMode.Sso) && args.Sso is { RbacEnabled: true };
}
