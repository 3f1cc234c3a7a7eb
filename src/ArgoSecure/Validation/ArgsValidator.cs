using ArgoSecure.Releases;
using ArgoSecure.Rules;

namespace ArgoSecure.Validation;

/// <summary>
/// Checks Args against the rule catalogue and Kubernetes' naming rules. Every component validates its Args
/// with this before it plans anything.
/// </summary>
public static class ArgsValidator
{
    /// <summary>Fields a template submitter must never be allowed to override (ARGO0015).</summary>
    public static readonly IReadOnlyList<string> SensitiveOverrideFields =
    [
        "podSpecPatch", "volumes", "securityContext", "serviceAccountName", "automountServiceAccountToken",
        "executor", "hostNetwork", "podMetadata", "templates", "templateDefaults", "volumeClaimTemplates",
        "podPriorityClassName", "dnsConfig", "hostAliases", "artifactRepositoryRef",
    ];

    /// <summary>Validates a whole install.</summary>
    public static ValidationResult Validate(ArgoWorkflowsArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new ValidationContext();
        var controller = args.Controller ?? new ArgoControllerArgs();
        CheckController(context, "Controller.", controller);

        var server = Composition.ServerOf(args);
        if (server is not null && args.Server is { } given)
        {
            if (!string.Equals(given.Namespace, ArgoControllerArgs.DefaultNamespace, StringComparison.Ordinal) &&
                !string.Equals(given.Namespace, controller.Namespace, StringComparison.Ordinal))
            {
                context.Error("Server.Namespace", given.Namespace, $"In a whole install the server runs in the controller's namespace '{controller.Namespace}'.",
                    "Remove Server.Namespace and set Controller.Namespace instead.");
            }

            if (given.Scope is not null && !given.Scope.Equals(InstallScope.Cluster) && !given.Scope.Equals(controller.Scope))
            {
                context.Error("Server.Scope", given.Scope, $"In a whole install the server has the controller's scope '{controller.Scope}'.",
                    "Remove Server.Scope and set Controller.Scope instead.");
            }

            CheckServer(context, "Server.", server, given);
        }

        var namespaces = Composition.WorkflowNamespacesOf(args);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < namespaces.Count; i++)
        {
            var ns = namespaces[i];
            var prefix = i < (args.WorkflowNamespaces?.Count ?? 0) ? $"WorkflowNamespaces[{i}]." : "Controller.Scope.";
            if (!string.IsNullOrEmpty(ns.Name) && !seen.Add(ns.Name))
            {
                context.Error(prefix + "Name", ns.Name, "The same workflow namespace is listed twice.", "List each workflow namespace once; merge their submitters and viewers.");
            }

            var givenNamespace = i < (args.WorkflowNamespaces?.Count ?? 0) ? args.WorkflowNamespaces![i] : null;
            CheckWorkflowNamespace(context, prefix, ns, checkPodDefaults: false, givenNamespace ?? new WorkflowNamespaceArgs(), args.AcceptedRisks ?? []);
        }

        CheckSharedCaches(context, namespaces);

        context.CheckAcceptedRisks("AcceptedRisks", args.AcceptedRisks);
        var risks = (args.AcceptedRisks ?? [])
            .Concat(controller.AcceptedRisks ?? [])
            .Concat(args.Server?.AcceptedRisks ?? [])
            .Concat(namespaces.SelectMany(n => n.AcceptedRisks ?? []));
        return context.ToResult(risks);
    }

    /// <summary>Validates the controller's Args alone.</summary>
    public static ValidationResult Validate(ArgoControllerArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new ValidationContext();
        CheckController(context, "", args);
        return context.ToResult(args.AcceptedRisks ?? []);
    }

    /// <summary>Validates the server's Args alone.</summary>
    public static ValidationResult Validate(ArgoServerArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new ValidationContext();
        CheckServer(context, "", args, given: null);
        return context.ToResult(args.AcceptedRisks ?? []);
    }

    /// <summary>Validates one workflow namespace's Args alone.</summary>
    public static ValidationResult Validate(WorkflowNamespaceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new ValidationContext();
        CheckWorkflowNamespace(context, "", args, checkPodDefaults: true, given: args, installRisks: []);
        return context.ToResult(args.AcceptedRisks ?? []);
    }

    private static void CheckController(ValidationContext context, string p, ArgoControllerArgs args)
    {
        context.RequireDnsLabel(p + "Namespace", args.Namespace, "The controller's namespace");
        CheckScope(context, p + "Scope", args.Scope, args.Namespace);
        CheckImages(context, p + "Images", args.Images);
        CheckPodDefaults(context, p + "WorkflowDefaults", args.WorkflowDefaults);

        if (!args.AdmissionGuard)
        {
            context.Report(RuleCatalog.WorkflowSpecsNotEnforced, p + "AdmissionGuard", false,
                $"{p}AdmissionGuard is false: no ValidatingAdmissionPolicy is rendered, so no workflow namespace holds workflow specs to the hardened posture (any author can pick another service account, mount its token or run as root) and, in a cluster install, nothing refuses Workflows in the controller's namespace. Keep it true on Kubernetes 1.30 or later.");
        }
        else
        {
            CheckEnforcement(context, p + "WorkflowSpecEnforcement", args.WorkflowSpecEnforcement, "any workflow namespace");
        }

        if (args.TemplateReferencing == TemplateReferencing.None)
        {
            context.Report(RuleCatalog.NoWorkflowRestrictions, p + "TemplateReferencing", args.TemplateReferencing,
                $"{p}TemplateReferencing is None: any submitter can run any pod spec. Set it to Secure (or Strict) so only WorkflowTemplates run.");
        }

        var allowlist = args.UserOverrideAllowlist ?? [];
        var sensitive = allowlist.Where(f => SensitiveOverrideFields.Contains(f?.Trim() ?? "", StringComparer.Ordinal)).ToList();
        if (sensitive.Count > 0)
        {
            context.Report(RuleCatalog.UserOverrideAllowlistReopensFields, p + "UserOverrideAllowlist", sensitive,
                $"{p}UserOverrideAllowlist re-opens {string.Join(", ", sensitive)} to template submitters; remove them from the list.");
        }

        foreach (var field in allowlist.Where(f => string.IsNullOrWhiteSpace(f)))
        {
            context.Error(p + "UserOverrideAllowlist", field, "An entry of the override allow-list is empty.", "Remove the empty entry.");
        }

        var feature = ReleaseFeatures.UserOverrideAllowlistEnv;
        if (allowlist.Count > 0 && ArgoReleases.TagOf(args.Images?.Version) is { IsSupported: true } release && !feature.IsIn(release))
        {
            context.Error(p + "UserOverrideAllowlist", allowlist,
                $"Argo {release} does not read {feature.Name} (it came in {feature.SinceText}), so the allow-list would not apply.",
                $"Pin {feature.SinceText} or later, or leave {p}UserOverrideAllowlist empty.");
        }

        var metrics = args.Metrics ?? new MetricsArgs();
        if (metrics.Enabled)
        {
            if (!metrics.Secure)
            {
                context.Report(RuleCatalog.MetricsExposed, p + "Metrics.Secure", false,
                    $"{p}Metrics.Secure is false: controller metrics are served in plain text. Keep Secure = true and scrape with https.");
            }

            if (metrics.ScrapeFromAnyNamespace)
            {
                context.Report(RuleCatalog.MetricsExposed, p + "Metrics.ScrapeFromAnyNamespace", true,
                    $"{p}Metrics.ScrapeFromAnyNamespace is true: every namespace can read the unauthenticated metrics. Name the scraper's namespace in Metrics.ScraperNamespace instead.");
            }

            if (metrics.ScraperNamespace is not null)
            {
                context.RequireDnsLabel(p + "Metrics.ScraperNamespace", metrics.ScraperNamespace, "The metrics scraper's namespace");
            }

            context.CheckPort(p + "Metrics.Port", metrics.Port);
        }

        if (args.Persistence is { } persistence)
        {
            CheckPersistence(context, p + "Persistence", persistence);
        }

        context.CheckEgress(p + "ArtifactRepositoryEgress", args.ArtifactRepositoryEgress);
        context.CheckEgress(p + "ApiServerEgress", args.ApiServerEgress);
        CheckImageEntrypoints(context, p + "ImageEntrypoints", args.ImageEntrypoints, registryEgress: true);
        CheckCaches(context, p + "MemoizationCaches", args.MemoizationCaches);

        if (!args.NetworkPolicies)
        {
            context.Report(RuleCatalog.NetworkPoliciesDisabled, p + "NetworkPolicies", false,
                $"{p}NetworkPolicies is false: every pod can reach the controller and the controller can reach everything. Keep NetworkPolicies = true.");
        }

        if (args.Pprof)
        {
            context.Report(RuleCatalog.DebugSurfaceEnabled, p + "Pprof", true,
                $"{p}Pprof is true: /debug/pprof is served without authentication on port 6060. Leave Pprof = false.");
        }

        if (args.Replicas < 1)
        {
            context.Error(p + "Replicas", args.Replicas, "The controller needs at least one replica.", "Set Replicas to 1, or 2 for a standby.");
        }

        CheckResources(context, p + "Resources", args.Resources);
        context.CheckAcceptedRisks(p + "AcceptedRisks", args.AcceptedRisks);
    }

    private static void CheckScope(ValidationContext context, string property, InstallScope? scope, string? controllerNamespace)
    {
        if (scope is null)
        {
            context.Error(property, null, "The install scope is missing.", "Set it to Cluster, or Namespaced with the managed namespace.");
            return;
        }

        if (!scope.IsNamespaced)
        {
            return;
        }

        context.RequireDnsLabel(property + ".ManagedNamespace", scope.ManagedNamespace, "The managed namespace");
        if (string.Equals(scope.ManagedNamespace, controllerNamespace, StringComparison.Ordinal))
        {
            context.Report(RuleCatalog.ManagedNamespaceIsControllerNamespace, property, scope,
                $"{property} manages '{scope.ManagedNamespace}', the controller's own namespace: whoever runs workflows there can take over the controller. Manage another namespace, for example InstallScope.Namespaced(\"{controllerNamespace}-workflows\").");
        }
    }

    private static void CheckImages(ValidationContext context, string p, ArgoImages? images)
    {
        if (images is null)
        {
            context.Error(p, null, "The images are missing.", "Remove the empty value to use the pinned defaults.");
            return;
        }

        if (string.IsNullOrWhiteSpace(images.Registry) || images.Registry.Contains(' ', StringComparison.Ordinal))
        {
            context.Error(p + ".Registry", images.Registry, "The image registry is empty or has spaces.", "Use a registry path such as 'quay.io/argoproj'.");
        }

        if (string.IsNullOrWhiteSpace(images.Version))
        {
            context.Error(p + ".Version", images.Version, "The Argo version is empty.", $"Use a release tag such as '{ArgoImages.DefaultVersion}'.");
        }
        else if (!ReleaseTag.TryParse(images.Version, out var tag))
        {
            context.Report(RuleCatalog.UnpinnedImage, p + ".Version", images.Version,
                $"{p}.Version '{images.Version}' is not a release tag: what runs can change without review. Pin a release such as '{ArgoImages.DefaultVersion}' (and a digest).");
        }
        else if (!tag!.IsSupported)
        {
            // Not a risk to accept: the install of a release whose facts ArgoSecure does not know cannot be planned (ARGO0026).
            context.Error(p + ".Version", images.Version,
                $"Argo {tag.Line} is not a release line ArgoSecure supports (ARGO0026): it supports {ReleaseTag.SupportedLinesText}.",
                $"Pin a release of a supported line, such as '{string.Join("', '", ArgoReleases.All.Select(r => r.ReferenceTag))}'.");
        }

        foreach (var (name, digest) in new[] { ("ControllerDigest", images.ControllerDigest), ("ServerDigest", images.ServerDigest), ("ExecutorDigest", images.ExecutorDigest) })
        {
            if (digest is not null && !Names.IsDigest(digest))
            {
                context.Error($"{p}.{name}", digest, "The digest is not a sha256 digest.", "Write 'sha256:' followed by the 64 hex digits of the image digest, or leave it unset.");
            }
        }
    }

    private static void CheckPodDefaults(ValidationContext context, string p, WorkflowPodDefaults? defaults)
    {
        if (defaults is null)
        {
            context.Error(p, null, "The workflow pod defaults are missing.", "Remove the empty value to use the hardened defaults.");
            return;
        }

        context.RequireDnsSubdomain(p + ".ServiceAccountName", defaults.ServiceAccountName, "The workflow service account");
        context.RequireDnsSubdomain(p + ".ExecutorServiceAccountName", defaults.ExecutorServiceAccountName, "The executor service account");
        if (string.Equals(defaults.ServiceAccountName, "default", StringComparison.Ordinal))
        {
            context.Report(RuleCatalog.WorkflowDefaultServiceAccount, p + ".ServiceAccountName", defaults.ServiceAccountName,
                $"{p}.ServiceAccountName is 'default': workflows share the namespace's default service account. Use a dedicated one such as '{WorkflowPodDefaults.DefaultServiceAccountName}'.");
        }

        if (defaults.AutomountServiceAccountToken)
        {
            context.Report(RuleCatalog.WorkflowTokenAutomounted, p + ".AutomountServiceAccountToken", true,
                $"{p}.AutomountServiceAccountToken is true: user code in main containers gets a Kubernetes token. Set it to false; the executor uses its own account.");
        }

        if (!defaults.RunAsNonRoot)
        {
            context.Report(RuleCatalog.WorkflowPodsMayRunAsRoot, p + ".RunAsNonRoot", false,
                $"{p}.RunAsNonRoot is false: workflow pods may run as root. Set it to true.");
        }

        if (defaults.RunAsUser == 0)
        {
            context.Report(RuleCatalog.WorkflowPodsMayRunAsRoot, p + ".RunAsUser", 0,
                $"{p}.RunAsUser is 0 (root). Use a non-root uid such as {WorkflowPodDefaults.ArgoNonRootUid}.");
        }
        else if (defaults.RunAsUser < 0)
        {
            context.Error(p + ".RunAsUser", defaults.RunAsUser, "A uid cannot be negative.", $"Use a non-root uid such as {WorkflowPodDefaults.ArgoNonRootUid}.");
        }

        if (defaults.RunAsGroup < 0)
        {
            context.Error(p + ".RunAsGroup", defaults.RunAsGroup, "A gid cannot be negative.", $"Use a gid such as {WorkflowPodDefaults.ArgoNonRootUid}.");
        }
    }

    private static void CheckPersistence(ValidationContext context, string p, PersistenceArgs persistence)
    {
        if (string.IsNullOrWhiteSpace(persistence.Host))
        {
            context.Error(p + ".Host", persistence.Host, "The database host is empty.", "Set Host to the database's DNS name.");
        }

        if (persistence.Port != 0)
        {
            context.CheckPort(p + ".Port", persistence.Port);
        }

        if (string.IsNullOrWhiteSpace(persistence.Database))
        {
            context.Error(p + ".Database", persistence.Database, "The database name is empty.", "Set Database, for example 'argo'.");
        }

        if (string.IsNullOrWhiteSpace(persistence.TableName))
        {
            context.Error(p + ".TableName", persistence.TableName, "The table name is empty.", "Set TableName, for example 'argo_workflows'.");
        }

        if (!persistence.Archive && !persistence.NodeStatusOffload)
        {
            context.Error(p, null, "Persistence is configured but neither Archive nor NodeStatusOffload is on.", "Turn on Archive or NodeStatusOffload, or remove Persistence.");
        }

        context.CheckSecretReference(p + ".UserNameSecret", persistence.UserNameSecret, "the database user name");
        context.CheckSecretReference(p + ".PasswordSecret", persistence.PasswordSecret, "the database password");
        if (persistence.TlsMode is DatabaseTlsMode.Disable or DatabaseTlsMode.Require)
        {
            context.Report(RuleCatalog.DatabaseWithoutVerifiedTls, p + ".TlsMode", persistence.TlsMode,
                $"{p}.TlsMode is {persistence.TlsMode}: the database connection is not verified. Use VerifyFull.");
        }

        if (persistence.Cidr is not null && !Names.IsCidr(persistence.Cidr))
        {
            context.Error(p + ".Cidr", persistence.Cidr, "The CIDR is not valid.", "Write an address range such as '10.0.0.0/16', or leave Cidr unset.");
        }
    }

    private static void CheckResources(ValidationContext context, string p, ContainerResources? resources)
    {
        if (resources is null)
        {
            context.Error(p, null, "The resources are missing.", "Remove the empty value to use the defaults.");
            return;
        }

        foreach (var (name, value) in new[] { ("CpuRequest", resources.CpuRequest), ("MemoryRequest", resources.MemoryRequest), ("CpuLimit", resources.CpuLimit), ("MemoryLimit", resources.MemoryLimit) })
        {
            if (!Quantities.IsValid(value))
            {
                context.Error($"{p}.{name}", value, "This is not a Kubernetes quantity.", "Write a quantity such as '100m', '1', '128Mi' or '1Gi'.");
            }
        }
    }

    // 'given' is, in a whole install, the server Args as the user gave them: the server takes its namespace, scope,
    // images and (unless it has its own) database and egress from the controller, which is checked already, so
    // those are reported once, on the controller.
    private static void CheckServer(ValidationContext context, string p, ArgoServerArgs args, ArgoServerArgs? given)
    {
        if (given is null)
        {
            context.RequireDnsLabel(p + "Namespace", args.Namespace, "The server's namespace");
            CheckScope(context, p + "Scope", args.Scope, args.Namespace);
            CheckImages(context, p + "Images", args.Images);
        }

        var modes = args.AuthModes ?? [];
        if (modes.Count == 0)
        {
            context.Error(p + "AuthModes", modes, "argo-server needs at least one auth mode.", "Use Client (and Sso for single sign-on).");
        }

        if (modes.Contains(AuthMode.Server))
        {
            context.Report(RuleCatalog.ServerAuthMode, p + "AuthModes", modes,
                $"{p}AuthModes has Server: every caller acts as the argo-server service account. Use Client and/or Sso.");
        }

        var tls = args.Tls ?? new ServerTlsArgs();
        if (!tls.Enabled)
        {
            context.Report(RuleCatalog.ServerTlsDisabled, p + "Tls.Enabled", false,
                $"{p}Tls.Enabled is false: tokens and SSO cookies travel in clear text. Keep TLS on (with Tls.CertificateSecretName for your own certificate).");
        }

        if (tls.CertificateSecretName is not null)
        {
            context.RequireDnsSubdomain(p + "Tls.CertificateSecretName", tls.CertificateSecretName, "The TLS certificate Secret");
        }

        var ssoMode = modes.Contains(AuthMode.Sso);
        if (ssoMode && args.Sso is null)
        {
            context.Error(p + "Sso", null, "AuthModes has Sso but no SSO settings are given (issuer, client id and secret).",
                "Set Sso with Issuer, ClientId, ClientSecret and RedirectUrl, or remove Sso from AuthModes.");
        }
        else if (!ssoMode && args.Sso is not null)
        {
            context.Error(p + "Sso", args.Sso.Issuer, "SSO settings are given but AuthModes has no Sso, so they would be ignored.",
                "Add Sso to AuthModes, or remove the Sso settings.");
        }

        if (ssoMode && args.Sso is { } sso)
        {
            CheckSso(context, p + "Sso", sso);
        }

        if (args.AccessLevel == ServerAccessLevel.ReadWrite && ActsForCallers(args))
        {
            context.Report(RuleCatalog.ServerOverPrivileged, p + "AccessLevel", args.AccessLevel,
                $"{p}AccessLevel is ReadWrite while the server acts for its callers ({DescribeIdentityModes(args)}): everyone who reaches it can create and delete workflows. Use ReadOnly.");
        }

        var ingress = args.IngressFromNamespaces ?? [];
        for (var i = 0; i < ingress.Count; i++)
        {
            context.RequireDnsLabel($"{p}IngressFromNamespaces[{i}]", ingress[i], "A namespace allowed to reach the server");
        }

        if (ingress.Distinct(StringComparer.Ordinal).Count() != ingress.Count)
        {
            context.Error(p + "IngressFromNamespaces", ingress, "A namespace is listed twice.", "List each namespace once.");
        }

        var own = given ?? args;
        if (own.Persistence is { } persistence)
        {
            CheckPersistence(context, p + "Persistence", persistence);
        }

        context.CheckEgress(p + "ArtifactRepositoryEgress", own.ArtifactRepositoryEgress);
        context.CheckEgress(p + "ApiServerEgress", own.ApiServerEgress);

        if (string.Equals(args.AccessControlAllowOrigin?.Trim(), "*", StringComparison.Ordinal))
        {
            context.Report(RuleCatalog.DebugSurfaceEnabled, p + "AccessControlAllowOrigin", "*",
                $"{p}AccessControlAllowOrigin is '*': any web page can call the API with a signed-in user's browser. Name the one origin that needs it, or leave it unset.");
        }

        if (!args.NetworkPolicies)
        {
            context.Report(RuleCatalog.NetworkPoliciesDisabled, p + "NetworkPolicies", false,
                $"{p}NetworkPolicies is false: every pod of the cluster can reach argo-server. Keep NetworkPolicies = true and list IngressFromNamespaces.");
        }

        if (args.Replicas < 1)
        {
            context.Error(p + "Replicas", args.Replicas, "The server needs at least one replica.", "Set Replicas to 1 or more, or leave the server out.");
        }

        CheckResources(context, p + "Resources", args.Resources);
        context.CheckAcceptedRisks(p + "AcceptedRisks", args.AcceptedRisks);
    }

    /// <summary>True when the server's own account is the identity of some callers (auth mode server, or SSO without RBAC).</summary>
    internal static bool ActsForCallers(ArgoServerArgs args) =>
        (args.AuthModes ?? []).Contains(AuthMode.Server) ||
        ((args.AuthModes ?? []).Contains(AuthMode.Sso) && args.Sso is { RbacEnabled: false });

    private static string DescribeIdentityModes(ArgoServerArgs args) =>
        (args.AuthModes ?? []).Contains(AuthMode.Server) ? "auth mode Server" : "SSO without RBAC";

    private static void CheckSso(ValidationContext context, string p, SsoArgs sso)
    {
        if (string.IsNullOrWhiteSpace(sso.Issuer))
        {
            context.Error(p + ".Issuer", sso.Issuer, "SSO needs the OIDC issuer URL.", "Set Issuer to your identity provider, for example 'https://login.example.com'.");
        }
        else if (!Uri.TryCreate(sso.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme != Uri.UriSchemeHttps)
        {
            context.Error(p + ".Issuer", sso.Issuer, "The SSO issuer must be an absolute https URL.", "Use the issuer's https URL, for example 'https://login.example.com'.");
        }

        if (string.IsNullOrWhiteSpace(sso.RedirectUrl))
        {
            context.Error(p + ".RedirectUrl", sso.RedirectUrl, "The SSO redirect URL is empty, so argo-server would derive it from the request's Host header.",
                "Set RedirectUrl to 'https://<your argo host>/oauth2/callback'.");
        }
        else if (!Uri.TryCreate(sso.RedirectUrl, UriKind.Absolute, out var redirect) || redirect.Scheme != Uri.UriSchemeHttps ||
                 !redirect.AbsolutePath.EndsWith("/oauth2/callback", StringComparison.Ordinal))
        {
            context.Error(p + ".RedirectUrl", sso.RedirectUrl, "The SSO redirect URL must be an https URL ending in /oauth2/callback.",
                "Use 'https://<your argo host>/oauth2/callback'.");
        }

        context.CheckSecretReference(p + ".ClientId", sso.ClientId, "the SSO client id");
        context.CheckSecretReference(p + ".ClientSecret", sso.ClientSecret, "the SSO client secret");

        if (!sso.RbacEnabled)
        {
            context.Report(RuleCatalog.SsoWithoutRbac, p + ".RbacEnabled", false,
                $"{p}.RbacEnabled is false: every user who signs in acts as the argo-server service account. Turn RBAC on and map groups with RbacRules.");
        }

        if (sso.InsecureSkipVerify)
        {
            context.Report(RuleCatalog.SsoInsecureSkipVerify, p + ".InsecureSkipVerify", true,
                $"{p}.InsecureSkipVerify is true: the issuer's certificate is not checked, so sign-ins can be forged. Set it to false (trust a private CA instead).");
        }

        var rules = sso.RbacRules ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"{p}.RbacRules[{i}]";
            context.RequireDnsSubdomain(path + ".ServiceAccountName", rule?.ServiceAccountName, "The SSO RBAC service account");
            if (rule is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                context.Error(path + ".Expression", rule.Expression, "The SSO RBAC rule has no expression.", "Write an expression over the claims, for example '\"admins\" in groups'.");
            }

            if (!string.IsNullOrEmpty(rule.ServiceAccountName) && !names.Add(rule.ServiceAccountName))
            {
                context.Error(path + ".ServiceAccountName", rule.ServiceAccountName, "Two SSO RBAC rules use the same service account.", "Give each rule its own service account, or merge the expressions.");
            }
        }

        if (rules.Count > 0 && !sso.RbacEnabled)
        {
            context.Error(p + ".RbacRules", rules.Count, "SSO RBAC rules are given but RbacEnabled is false, so they would be ignored.", "Set RbacEnabled = true.");
        }

        if (string.IsNullOrWhiteSpace(sso.SessionExpiry))
        {
            context.Error(p + ".SessionExpiry", sso.SessionExpiry, "The session expiry is empty.", "Use a duration such as '10h'.");
        }

        if (sso.IssuerCidr is not null && !Names.IsCidr(sso.IssuerCidr))
        {
            context.Error(p + ".IssuerCidr", sso.IssuerCidr, "The CIDR is not valid.", "Write an address range such as '203.0.113.0/24', or leave it unset.");
        }
    }

    // 'given' holds the egress the user set on this namespace; in a whole install the rest comes from the controller.
    private static void CheckWorkflowNamespace(
        ValidationContext context, string p, WorkflowNamespaceArgs args, bool checkPodDefaults, WorkflowNamespaceArgs given, IEnumerable<AcceptedRisk?> installRisks)
    {
        context.RequireDnsLabel(p + "Name", args.Name, "The workflow namespace");
        if (checkPodDefaults)
        {
            context.RequireDnsLabel(p + "ControllerNamespace", args.ControllerNamespace, "The controller's namespace");
            CheckPodDefaults(context, p + "WorkflowDefaults", args.WorkflowDefaults);

            // In a whole install these are the controller's, checked there.
            CheckImageEntrypoints(context, p + "ImageEntrypoints", args.ImageEntrypoints, registryEgress: false);
        }

        CheckFeatures(context, p, args, installRisks);

        var scope = args.Scope ?? InstallScope.Cluster;
        var isControllerNamespace = string.Equals(args.Name, args.ControllerNamespace, StringComparison.Ordinal) && !string.IsNullOrEmpty(args.Name);
        if (scope.IsNamespaced)
        {
            // Checked before the controller's namespace: a namespace install never runs workflows anywhere else, the
            // controller's namespace included when it is not the managed one.
            if (!string.Equals(args.Name, scope.ManagedNamespace, StringComparison.Ordinal))
            {
                context.Error(p + "Name", args.Name, $"A namespace install runs workflows only in its managed namespace '{scope.ManagedNamespace}'.",
                    $"Use '{scope.ManagedNamespace}', or a cluster install for several workflow namespaces.");
            }
            else if (isControllerNamespace && checkPodDefaults)
            {
                // The controller's own validation reports ARGO0001 for this; say it here only for a lone namespace.
                context.Report(RuleCatalog.ManagedNamespaceIsControllerNamespace, p + "Name", args.Name,
                    $"{p}Name '{args.Name}' is the controller's own namespace: whoever runs workflows there can take over the controller. Use another namespace.");
            }
        }
        else if (isControllerNamespace)
        {
            context.Report(RuleCatalog.WorkflowsInControllerNamespace, p + "Name", args.Name,
                $"{p}Name '{args.Name}' is the controller's namespace: workflows and submitters there can reach the controller's Secrets and replace it. Use another namespace.");
        }

        CheckAllowedServiceAccounts(context, p + "AllowedServiceAccounts", args);
        if (given.WorkflowSpecEnforcement is { } enforcement)
        {
            CheckEnforcement(context, p + "WorkflowSpecEnforcement", enforcement, $"'{args.Name}'");
        }

        CheckSubjects(context, p + "Submitters", args.Submitters);
        CheckSubjects(context, p + "Viewers", args.Viewers);
        context.CheckEgress(p + "ArtifactRepositoryEgress", given.ArtifactRepositoryEgress);
        context.CheckEgress(p + "ExtraEgress", args.ExtraEgress);
        context.CheckEgress(p + "ApiServerEgress", given.ApiServerEgress);

        if (!args.NetworkPolicies)
        {
            context.Report(RuleCatalog.NetworkPoliciesDisabled, p + "NetworkPolicies", false,
                $"{p}NetworkPolicies is false: workflow pods of '{args.Name}' can reach every address. Keep NetworkPolicies = true and list the egress they need.");
        }

        context.CheckAcceptedRisks(p + "AcceptedRisks", args.AcceptedRisks);
    }

    private static void CheckImageEntrypoints(ValidationContext context, string p, ImageEntrypointArgs? entrypoints, bool registryEgress)
    {
        if (entrypoints is null)
        {
            context.Error(p, null, "The image entrypoint settings are missing.", "Remove the empty value to keep the defaults (no index, no registry lookups).");
            return;
        }

        var index = entrypoints.Index ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < index.Count; i++)
        {
            var entry = index[i];
            var path = $"{p}.Index[{i}]";
            if (entry is null || string.IsNullOrWhiteSpace(entry.Image) || entry.Image.Any(char.IsWhiteSpace) || entry.Image.Contains("{{", StringComparison.Ordinal))
            {
                context.Error(path + ".Image", entry?.Image, "An image of the index is empty, has spaces or is a template expression.",
                    "Write the image exactly as templates name it, for example 'python:3.12-slim'.");
                continue;
            }

            if (!seen.Add(entry.Image))
            {
                context.Error(path + ".Image", entry.Image, "The image is listed twice in the index.", "Keep one entry per image.");
            }

            if ((entry.Entrypoint?.Count ?? 0) == 0 && (entry.Cmd?.Count ?? 0) == 0)
            {
                context.Error(path, entry.Image, "The index entry has neither Entrypoint nor Cmd, so Argo would run nothing in its containers.",
                    "Copy ENTRYPOINT and CMD from the image's config (docker inspect), or remove the entry.");
            }
        }

        if (!registryEgress)
        {
            return;
        }

        var targets = entrypoints.RegistryEgress ?? [];
        context.CheckEgress(p + ".RegistryEgress", targets);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var path = $"{p}.RegistryEgress[{i}].Cidr";
            if (target is not null && target.Cidr is null)
            {
                context.Error(path, null, "Registry lookups need the registry's addresses: without a CIDR the controller could reach any address on that port.",
                    "Set Cidr to your registry's address range; where it cannot be listed, put its images in ImageEntrypoints.Index or set command in the templates.");
            }
            else if (target?.Cidr is { } cidr && Names.IsCidr(cidr) && cidr.EndsWith("/0", StringComparison.Ordinal))
            {
                context.Error(path, cidr, "A /0 range lets the controller, which can create pods in every workflow namespace, reach every address (and cloud credential endpoints) on behalf of workflow authors.",
                    "List your registries' address ranges; where they cannot be listed, put their images in ImageEntrypoints.Index or set command in the templates.");
            }
        }
    }

    private static void CheckCaches(ValidationContext context, string p, IReadOnlyList<string>? caches)
    {
        var list = caches ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{p}[{i}]";
            context.RequireDnsSubdomain(path, list[i], "A memoization cache ConfigMap");
            if (string.IsNullOrEmpty(list[i]))
            {
                continue;
            }

            if (!seen.Add(list[i]))
            {
                context.Error(path, list[i], "The cache is listed twice.", "List each cache once.");
            }
            else if (list[i] is Planning.Labels.ControllerConfigMapName or Planning.Labels.ServerConfigMapName)
            {
                context.Error(path, list[i], "A memoization cache named like an Argo ConfigMap would let the controller update its own configuration.",
                    "Name caches after what they cache, for example 'team-a-build-cache'.");
            }
        }
    }

    private static void CheckFeatures(ValidationContext context, string p, WorkflowNamespaceArgs args, IEnumerable<AcceptedRisk?> installRisks)
    {
        CheckCaches(context, p + "MemoizationCaches", args.MemoizationCaches);

        var pullSecrets = args.ImagePullSecrets ?? [];
        for (var i = 0; i < pullSecrets.Count; i++)
        {
            context.RequireDnsSubdomain($"{p}ImagePullSecrets[{i}]", pullSecrets[i], "An image-pull Secret");
        }

        if (pullSecrets.Distinct(StringComparer.Ordinal).Count() != pullSecrets.Count)
        {
            context.Error(p + "ImagePullSecrets", pullSecrets, "A Secret is listed twice.", "List each image-pull Secret once.");
        }

        if (pullSecrets.Count > 0 && args.ImageEntrypoints is { RegistryLookups: false })
        {
            context.Error(p + "ImagePullSecrets", pullSecrets, "The controller reads image-pull Secrets only for registry lookups, which are off.",
                "Turn registry lookups on with the controller's ImageEntrypoints.RegistryEgress, or remove ImagePullSecrets.");
        }

        if (args.HttpTemplates is not { } http)
        {
            return;
        }

        var hp = p + "HttpTemplates";
        context.CheckEgress(hp + ".Egress", http.Egress);
        var secrets = http.HeaderSecrets ?? [];
        var tokens = new[] { args.WorkflowDefaults?.ExecutorServiceAccountName, args.WorkflowDefaults?.ServiceAccountName }
            .OfType<string>().Select(Planning.LiteralSecrets.TokenSecretName).ToList();
        for (var i = 0; i < secrets.Count; i++)
        {
            context.RequireDnsSubdomain($"{hp}.HeaderSecrets[{i}]", secrets[i], "A header Secret");
            if (tokens.Contains(secrets[i], StringComparer.Ordinal))
            {
                context.Error($"{hp}.HeaderSecrets[{i}]", secrets[i], "This is a service account token Secret: the agent could read the token and act as that account.",
                    "Put the header value in a Secret of its own and list that one.");
            }
        }

        if (secrets.Distinct(StringComparer.Ordinal).Count() != secrets.Count)
        {
            context.Error(hp + ".HeaderSecrets", secrets, "A Secret is listed twice.", "List each header Secret once.");
        }

        if (!args.NetworkPolicies)
        {
            return;
        }

        if ((http.Egress?.Count ?? 0) == 0)
        {
            context.Error(hp + ".Egress", null, "HTTP templates are on but agent pods may reach nothing, so every HTTP request would time out.",
                "List the addresses and ports the HTTP templates call in HttpTemplates.Egress.");
        }
        else if (!ArgoLabelsEnforced(args, installRisks))
        {
            context.Error(hp + ".Egress", http.Egress, $"Agent pods get this egress by Argo's label '{Planning.Labels.ComponentLabel}: {Planning.Labels.AgentComponent}', which only a denying admission policy (ARGO0022) keeps workflow authors from setting on their own pods; in '{args.Name}' it is not denied.",
                "Keep WorkflowSpecEnforcement at Deny without accepting ARGO0022, or move the targets to ExtraEgress if every workflow pod may reach them.");
        }
    }

    /// <summary>True when the namespace's admission policy denies workflows that set Argo's own pod labels (ARGO0022).</summary>
    private static bool ArgoLabelsEnforced(WorkflowNamespaceArgs args, IEnumerable<AcceptedRisk?> installRisks) =>
        (args.WorkflowSpecEnforcement ?? WorkflowSpecEnforcement.Deny) == WorkflowSpecEnforcement.Deny &&
        !(args.AcceptedRisks ?? []).Concat(installRisks).Any(r => r is { RuleId: RuleCatalog.WorkflowArgoPodMetadata } && !string.IsNullOrWhiteSpace(r.Justification));

    /// <summary>A cache two namespaces share lets either one's workflows feed outputs to the other's.</summary>
    private static void CheckSharedCaches(ValidationContext context, IReadOnlyList<WorkflowNamespaceArgs> namespaces)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < namespaces.Count; i++)
        {
            foreach (var cache in (namespaces[i].MemoizationCaches ?? []).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal))
            {
                if (owners.TryGetValue(cache, out var other))
                {
                    context.Error($"WorkflowNamespaces[{i}].MemoizationCaches", cache,
                        $"'{cache}' is also a cache of '{other}': a memoized result one namespace saves would be the output the other's workflows get.",
                        "Give each namespace its own cache names, for example prefixed with the namespace.");
                }
                else
                {
                    owners[cache] = namespaces[i].Name;
                }
            }
        }
    }

    private static void CheckEnforcement(ValidationContext context, string property, WorkflowSpecEnforcement enforcement, string where)
    {
        switch (enforcement)
        {
            case WorkflowSpecEnforcement.Deny:
                return;
            case WorkflowSpecEnforcement.Warn:
                context.Report(RuleCatalog.WorkflowSpecsNotEnforced, property, enforcement,
                    $"{property} is Warn: workflow specs in {where} that break the hardened posture are admitted with a warning, not refused. Switch to Deny once the warnings are gone.");
                return;
            case WorkflowSpecEnforcement.Off:
                context.Report(RuleCatalog.WorkflowSpecsNotEnforced, property, enforcement,
                    $"{property} is Off: nothing holds workflow specs in {where} to the hardened posture (any author can pick another service account, mount its token or run as root). Use Deny, or Warn while rolling out.");
                return;
            default:
                context.Error(property, enforcement, "This is not a WorkflowSpecEnforcement value.", "Use Deny, Warn or Off.");
                return;
        }
    }

    private static void CheckAllowedServiceAccounts(ValidationContext context, string p, WorkflowNamespaceArgs args)
    {
        var accounts = args.AllowedServiceAccounts ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var path = $"{p}[{i}]";
            if (account is not null && (account.Contains('/', StringComparison.Ordinal) || account.Contains(':', StringComparison.Ordinal)))
            {
                context.Error(path, account, $"Workflow pods always run in their own namespace, so a service account of another namespace cannot be allowed in '{args.Name}'.",
                    $"List service accounts of '{args.Name}' by name only, for example '{account.Split('/', ':')[^1]}' created in '{args.Name}'.");
                continue;
            }

            context.RequireDnsSubdomain(path, account, "An allowed service account");
            if (string.IsNullOrEmpty(account))
            {
                continue;
            }

            if (!seen.Add(account))
            {
                context.Error(path, account, "The service account is listed twice.", "List each allowed service account once.");
            }
            else if (string.Equals(account, "default", StringComparison.Ordinal))
            {
                context.Report(RuleCatalog.WorkflowDefaultServiceAccount, path, account,
                    $"{path} allows 'default': workflows could run as the namespace's default service account, shared with every other pod there. Allow a dedicated account instead.");
            }
        }
    }

    private static void CheckSubjects(ValidationContext context, string p, IReadOnlyList<RbacSubject>? subjects)
    {
        if (subjects is null)
        {
            return;
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            var path = $"{p}[{i}]";
            if (subject is null || string.IsNullOrWhiteSpace(subject.Name))
            {
                context.Error(path + ".Name", subject?.Name, "The subject has no name.", "Name the user, group or service account.");
                continue;
            }

            if (subject.Kind == SubjectKind.ServiceAccount)
            {
                context.RequireDnsSubdomain(path + ".Name", subject.Name, "The service account");
                context.RequireDnsLabel(path + ".Namespace", subject.Namespace, "The service account's namespace");
            }
            else if (subject.Namespace is not null)
            {
                context.Error(path + ".Namespace", subject.Namespace, $"A {subject.Kind} has no namespace.", "Remove Namespace, or use Kind = ServiceAccount.");
            }
        }
    }
}
