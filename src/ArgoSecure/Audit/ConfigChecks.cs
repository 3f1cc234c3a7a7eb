using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>Checks of the Argo ConfigMaps: workflowDefaults, restrictions, metrics, SSO and database TLS.</summary>
internal static class ConfigChecks
{
    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var config = install.ControllerConfig;
        if (install.Controller is { } controller || config is not null)
        {
            var subject = config?.ConfigMap ?? install.Controller!.Workload;
            CheckWorkflowDefaults(context, subject, config?["workflowDefaults"]);

            var referencing = config?["workflowRestrictions"]?["templateReferencing"];
            if (string.IsNullOrEmpty(referencing?.Text))
            {
                context.Report(RuleCatalog.NoWorkflowRestrictions, subject, referencing ?? config?["workflowRestrictions"],
                    $"workflowRestrictions.templateReferencing {(referencing is null ? "is not set" : "is empty")}: any submitter can run any pod spec. Set it to Secure (or Strict) so only WorkflowTemplates run.");
            }

            if (config?["metricsConfig"] is { } metrics && metrics.BoolAt("enabled") != false && metrics.BoolAt("secure") == false)
            {
                context.Report(RuleCatalog.MetricsExposed, subject, metrics["secure"],
                    $"metricsConfig.secure is {metrics["secure"]!.Text}: controller metrics are served in plain text. Remove it (the default is TLS) and scrape with https.");
            }

            if (config is not null)
            {
                CheckDatabase(context, config, "persistence");
                CheckDatabase(context, config, "synchronization");
            }
        }

        var ssoConfig = install.ServerConfig;
        if (ssoConfig?["sso"] is YMap sso)
        {
            var usesSso = install.Server is null || ComponentChecks.AuthModes(install.Server).Any(m => m.Text == "sso");
            if (usesSso && sso.BoolAt("rbac", "enabled") != true)
            {
                var enabled = sso.At("rbac", "enabled");
                context.Report(RuleCatalog.SsoWithoutRbac, ssoConfig.ConfigMap, enabled ?? sso,
                    $"sso.rbac.enabled {(enabled?.Text is { } value ? $"is {value}" : "is not set (SSO RBAC is off by default)")}: every user who signs in acts as the argo-server service account. Set sso.rbac.enabled: true and map groups to service accounts with rbac-rule annotations.");
            }

            if (sso.BoolAt("insecureSkipVerify") == true)
            {
                context.Report(RuleCatalog.SsoInsecureSkipVerify, ssoConfig.ConfigMap, sso["insecureSkipVerify"],
                    $"sso.insecureSkipVerify is {sso["insecureSkipVerify"]!.Text}: the issuer's certificate is not checked, so sign-ins can be forged. Remove it (trust a private CA with sso.rootCA instead).");
            }
        }

        if (install.ServerConfig is { } serverConfig && !ReferenceEquals(serverConfig.ConfigMap, config?.ConfigMap))
        {
            CheckDatabase(context, serverConfig, "persistence");
        }
    }

    /// <summary>Checks the controller's workflowDefaults, the floor every workflow starts from.</summary>
    private static void CheckWorkflowDefaults(AuditContext context, KubeObject subject, YNode? defaults)
    {
        var spec = defaults?["spec"];
        var sa = spec?["serviceAccountName"];
        if (string.IsNullOrEmpty(sa?.Text) || sa.Text == "default")
        {
            var found = sa?.Text switch { null => "is not set", "" => "is empty", var account => $"is '{account}'" };
            context.Report(RuleCatalog.WorkflowDefaultServiceAccount, subject, sa ?? defaults,
                $"workflowDefaults.spec.serviceAccountName {found}: workflows that name no service account run as the namespace's shared 'default' one. Set it to a dedicated service account.");
        }

        var automount = spec?["automountServiceAccountToken"];
        if (YNode.ParseBool(automount?.Text) != false)
        {
            var found = automount?.Text is { } value ? $"is {value}" : "is not set (Kubernetes mounts the token by default)";
            context.Report(RuleCatalog.WorkflowTokenAutomounted, subject, automount ?? defaults,
                $"workflowDefaults.spec.automountServiceAccountToken {found}: user code in main containers gets a Kubernetes token. Set it to false and give spec.executor.serviceAccountName.");
        }

        var securityContext = spec?["securityContext"];
        if (WorkflowSpecChecks.MayRunAsRoot(securityContext, null, null) is { Root: true } root)
        {
            var found = root.Found is { } value ? $"sets {value}" : securityContext is null ? "is not set" : "sets neither runAsNonRoot: true nor a non-zero runAsUser";
            context.Report(RuleCatalog.WorkflowPodsMayRunAsRoot, subject, root.At ?? securityContext ?? defaults,
                $"workflowDefaults.spec.securityContext {found}: workflow pods may run as root. Set runAsNonRoot: true and a non-zero runAsUser there.");
        }
    }

    private static void CheckDatabase(AuditContext context, ArgoConfig config, string key)
    {
        if (config[key] is not { } section)
        {
            return;
        }

        if (section["postgresql"] is { } postgres)
        {
            var ssl = postgres.BoolAt("ssl");
            var mode = postgres.TextAt("sslMode");
            if (ssl != true)
            {
                // Up to 4.0 Argo leaves sslmode to the driver, whose default is prefer; 4.1 sends disable.
                var found = postgres["ssl"]?.Text is { } value ? $"is {value}" : "is not set";
                var effect = context.Release.PostgresSslDefault == "disable"
                    ? "the database connection is not encrypted (sslmode=disable)"
                    : $"Argo {context.Release.Line} connects with sslmode=prefer, TLS without a certificate check that falls back to plain text";
                context.Report(RuleCatalog.DatabaseWithoutVerifiedTls, config.ConfigMap, postgres["ssl"] ?? postgres,
                    $"{key}.postgresql.ssl {found}: {effect}. Set ssl: true and sslMode: verify-full.");
            }
            else if (mode is not ("verify-full" or "verify-ca"))
            {
                var found = mode is null ? "is not set (prefer)" : $"is '{mode}'";
                context.Report(RuleCatalog.DatabaseWithoutVerifiedTls, config.ConfigMap, postgres["sslMode"] ?? postgres["ssl"],
                    $"{key}.postgresql.sslMode {found}: the database's certificate is not verified. Set sslMode: verify-full.");
            }
        }

        if (section["mysql"] is { } mysql)
        {
            var tls = mysql.TextAt("options", "tls");
            if (tls is null || tls is "false" or "skip-verify" or "preferred")
            {
                var found = tls is null ? "is not set" : $"is '{tls}'";
                context.Report(RuleCatalog.DatabaseWithoutVerifiedTls, config.ConfigMap, mysql.At("options", "tls") ?? mysql,
                    $"{key}.mysql.options.tls {found}: the database connection is not verified TLS. Set options.tls: \"true\" (or the name of a registered TLS config).");
            }
        }
    }
}
