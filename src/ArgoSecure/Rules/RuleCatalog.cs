// This file is compiled into ArgoSecure (net8.0) and linked into ArgoSecure.Analyzers (netstandard2.0),
// so both read one catalogue. Keep it to language features both targets have (no records, no init).
using System.Collections.Generic;

namespace ArgoSecure.Rules;

/// <summary>How serious a rule's finding is by default.</summary>
#if ARGOSECURE_ANALYZERS
internal
#else
public
#endif
enum RuleSeverity
{
    /// <summary>Advisory: a hardening that is worth considering.</summary>
    Info = 0,

    /// <summary>A hardened default is turned off.</summary>
    Warning = 1,

    /// <summary>An insecure choice that ArgoSecure refuses unless the risk is accepted.</summary>
    Error = 2,
}

/// <summary>Where a rule is checked.</summary>
[System.Flags]
#if ARGOSECURE_ANALYZERS
internal
#else
public
#endif
enum RuleChecks
{
    /// <summary>Nowhere (not used by the catalogue).</summary>
    None = 0,

    /// <summary>Args validation (components, <c>argosecure render</c>).</summary>
    Validation = 1,

    /// <summary>The Roslyn analyzers.</summary>
    Analyzers = 2,

    /// <summary><c>argosecure audit</c> of existing manifests.</summary>
    Audit = 4,

    /// <summary>The ValidatingAdmissionPolicies ArgoSecure renders: the API server refuses the object.</summary>
    Admission = 8,

    /// <summary>Validation, analyzers and audit.</summary>
    All = Validation | Analyzers | Audit,
}

/// <summary>One insecure choice, with the ID shared by validation, the analyzers, the audit and the docs.</summary>
#if ARGOSECURE_ANALYZERS
internal
#else
public
#endif
sealed class Rule
{
    /// <summary>Creates a rule.</summary>
    public Rule(string id, string title, RuleSeverity severity, string description, string source, RuleChecks checkedBy = RuleChecks.All)
    {
        CheckedBy = checkedBy;
        Id = id;
        Title = title;
        Severity = severity;
        Description = description;
        Source = source;
    }

    /// <summary>The rule ID, <c>ARGO</c> and four digits.</summary>
    public string Id { get; }

    /// <summary>An imperative summary of what to do.</summary>
    public string Title { get; }

    /// <summary>The default severity.</summary>
    public RuleSeverity Severity { get; }

    /// <summary>One sentence on the risk.</summary>
    public string Description { get; }

    /// <summary>Where Argo documents the hardening (a page of the Argo Workflows docs).</summary>
    public string Source { get; }

    /// <summary>Where the rule is checked: rules about workflow specs and existing manifests only by the audit.</summary>
    public RuleChecks CheckedBy { get; }

    /// <summary>The category, as the .NET analyzers name it.</summary>
    public string Category { get; } = RuleCatalog.Category;

    /// <summary>The rule's documentation page.</summary>
    public string HelpUri => RuleCatalog.GetHelpUri(Id);
}

/// <summary>Every rule ArgoSecure knows. IDs are never reused.</summary>
#if ARGOSECURE_ANALYZERS
internal
#else
public
#endif
static class RuleCatalog
{
    /// <summary>The category of every ARGO rule.</summary>
    public const string Category = "Security";

    /// <summary>Where the rule pages live.</summary>
    public const string HelpBaseUri = "https://github.com/argosecure/argosecure/blob/main/docs/rules/";

    /// <summary>ARGO0001: a namespace install manages the controller's own namespace.</summary>
    public const string ManagedNamespaceIsControllerNamespace = "ARGO0001";

    /// <summary>ARGO0002: workflows can run in the controller's namespace of a cluster install.</summary>
    public const string WorkflowsInControllerNamespace = "ARGO0002";

    /// <summary>ARGO0003: argo-server auth mode <c>server</c>.</summary>
    public const string ServerAuthMode = "ARGO0003";

    /// <summary>ARGO0004: argo-server without TLS.</summary>
    public const string ServerTlsDisabled = "ARGO0004";

    /// <summary>ARGO0005: SSO without SSO RBAC.</summary>
    public const string SsoWithoutRbac = "ARGO0005";

    /// <summary>ARGO0006: SSO <c>insecureSkipVerify</c>.</summary>
    public const string SsoInsecureSkipVerify = "ARGO0006";

    /// <summary>ARGO0007: workflow pods may run as root.</summary>
    public const string WorkflowPodsMayRunAsRoot = "ARGO0007";

    /// <summary>ARGO0008: service account token automounted in workflow pods.</summary>
    public const string WorkflowTokenAutomounted = "ARGO0008";

    /// <summary>ARGO0009: workflows run as the namespace's <c>default</c> service account.</summary>
    public const string WorkflowDefaultServiceAccount = "ARGO0009";

    /// <summary>ARGO0010: no workflow restrictions.</summary>
    public const string NoWorkflowRestrictions = "ARGO0010";

    /// <summary>ARGO0011: NetworkPolicies turned off.</summary>
    public const string NetworkPoliciesDisabled = "ARGO0011";

    /// <summary>ARGO0012: argo-server granted more than its auth modes need.</summary>
    public const string ServerOverPrivileged = "ARGO0012";

    /// <summary>ARGO0013: controller metrics in plain text or open to every namespace.</summary>
    public const string MetricsExposed = "ARGO0013";

    /// <summary>ARGO0014: database connection without verified TLS.</summary>
    public const string DatabaseWithoutVerifiedTls = "ARGO0014";

    /// <summary>ARGO0015: the user override allow-list re-opens security-sensitive fields.</summary>
    public const string UserOverrideAllowlistReopensFields = "ARGO0015";

    /// <summary>ARGO0016: a credential written as a literal.</summary>
    public const string LiteralCredential = "ARGO0016";

    /// <summary>ARGO0017: CORS wildcard, pprof or other debug surfaces.</summary>
    public const string DebugSurfaceEnabled = "ARGO0017";

    /// <summary>ARGO0018: an Argo image that is not pinned to a release.</summary>
    public const string UnpinnedImage = "ARGO0018";

    /// <summary>ARGO0019: a workflow patches its pods with <c>podSpecPatch</c>.</summary>
    public const string WorkflowPodSpecPatch = "ARGO0019";

    /// <summary>ARGO0020: a workflow shares the node's network, PID or IPC namespace.</summary>
    public const string WorkflowHostNamespaces = "ARGO0020";

    /// <summary>ARGO0021: a workflow container is privileged or may escalate privileges.</summary>
    public const string WorkflowPrivilegedContainer = "ARGO0021";

    /// <summary>ARGO0022: a workflow sets Argo's own <c>workflows.argoproj.io/*</c> labels or annotations on its pods.</summary>
    public const string WorkflowArgoPodMetadata = "ARGO0022";

    /// <summary>ARGO0023: workflow specs are not enforced at admission (turned off, or only warned about).</summary>
    public const string WorkflowSpecsNotEnforced = "ARGO0023";

    /// <summary>ARGO0024: a container of the workflow-controller or argo-server pods is not hardened.</summary>
    public const string ArgoPodNotHardened = "ARGO0024";
    /// <summary>ARGO0025: a workflow spec needs an Argo feature the install leaves off, so it would fail at run time.</summary>
    public const string WorkflowNeedsDisabledFeature = "ARGO0025";

    /// <summary>ARGO0026: an Argo release of a line ArgoSecure does not support (its facts are not in the release catalogue).</summary>
    public const string UnsupportedRelease = "ARGO0026";

    /// <summary>ARGO0027: an accepted risk whose justification is blank or not known at compile time, so the analyzers cannot honor it.</summary>
    public const string UnusableAcceptance = "ARGO0027";

    private static readonly Rule[] AllRules =
    {
        new(ManagedNamespaceIsControllerNamespace,
            "Do not manage the controller's own namespace in a namespace install",
            RuleSeverity.Error,
            "Whoever may create workflows in the controller's namespace can run pods next to the controller and take over its service account and configuration.",
            "docs/security.md (User Permissions), docs/managed-namespace.md"),
        new(WorkflowsInControllerNamespace,
            "Do not let workflows run in the controller's namespace",
            RuleSeverity.Error,
            "A workflow in the controller's namespace can read the controller's Secrets and replace the controller itself.",
            "docs/security.md (User Permissions)",
            RuleChecks.All | RuleChecks.Admission),
        new(ServerAuthMode,
            "Do not use the argo-server auth mode 'server'",
            RuleSeverity.Error,
            "In auth mode 'server' every caller acts with the argo-server service account, so anyone who reaches the server can run workflows.",
            "docs/security.md (Argo Server Security), docs/argo-server-auth-mode.md"),
        new(ServerTlsDisabled,
            "Keep TLS on for argo-server",
            RuleSeverity.Warning,
            "Without TLS, tokens and SSO cookies cross the network in clear text.",
            "docs/security.md (Argo Server Security), docs/tls.md"),
        new(SsoWithoutRbac,
            "Turn on SSO RBAC when SSO is on",
            RuleSeverity.Warning,
            "Without SSO RBAC every user who signs in acts with the argo-server service account.",
            "docs/argo-server-sso.md (SSO RBAC)"),
        new(SsoInsecureSkipVerify,
            "Do not skip TLS verification of the SSO issuer",
            RuleSeverity.Error,
            "Skipping verification of the identity provider lets a man in the middle forge sign-ins.",
            "docs/argo-server-sso.md"),
        new(WorkflowPodsMayRunAsRoot,
            "Run workflow pods as non-root",
            RuleSeverity.Warning,
            "Workflow pods run as root unless a non-root security context is set for them.",
            "docs/security.md (Workflow Pod Permissions), docs/workflow-pod-security-context.md",
            RuleChecks.All | RuleChecks.Admission),
        new(WorkflowTokenAutomounted,
            "Do not mount the service account token in workflow main containers",
            RuleSeverity.Warning,
            "A mounted token lets user code in the main container call the Kubernetes API with the workflow's service account.",
            "docs/security.md (Workflow Pod Permissions), docs/service-account-secrets.md",
            RuleChecks.All | RuleChecks.Admission),
        new(WorkflowDefaultServiceAccount,
            "Do not run workflows as the 'default' service account",
            RuleSeverity.Warning,
            "The 'default' service account is shared by every pod of the namespace, so workflow permissions leak to them and theirs to workflows.",
            "docs/security.md (Workflow Pod Permissions), docs/workflow-rbac.md",
            RuleChecks.All | RuleChecks.Admission),
        new(NoWorkflowRestrictions,
            "Restrict workflows to templates",
            RuleSeverity.Info,
            "Without workflow restrictions any submitter can run any pod spec, not only the reviewed templates.",
            "docs/workflow-restrictions.md"),
        new(NetworkPoliciesDisabled,
            "Keep NetworkPolicies on",
            RuleSeverity.Warning,
            "Without NetworkPolicies every pod of the cluster can reach argo-server and the controller, and workflow pods can reach everything.",
            "docs/security.md (Network Security)"),
        new(ServerOverPrivileged,
            "Do not grant argo-server more than its auth modes need",
            RuleSeverity.Warning,
            "Write verbs, cluster-wide Secret reads or pods/exec on the argo-server account are handed to everyone the server acts for.",
            "docs/security.md (Read-Only), docs/argo-server-auth-mode.md"),
        new(MetricsExposed,
            "Serve controller metrics over TLS to the scraper only",
            RuleSeverity.Warning,
            "The metrics endpoint has no authentication: in plain text or open to every namespace it leaks workflow names and load.",
            "docs/security.md (Workflow Controller), docs/telemetry-configuration.md"),
        new(DatabaseWithoutVerifiedTls,
            "Use verified TLS to the workflow archive database",
            RuleSeverity.Warning,
            "Without verified TLS the database credentials and every archived workflow can be read or changed in transit.",
            "docs/workflow-archive.md, docs/workflow-controller-configmap.yaml"),
        new(UserOverrideAllowlistReopensFields,
            "Do not re-open security-sensitive fields to template submitters",
            RuleSeverity.Warning,
            "Fields such as podSpecPatch, volumes or serviceAccountName let a submitter escape the reviewed template.",
            "docs/workflow-restrictions.md, docs/environment-variables.md"),
        new(LiteralCredential,
            "Reference credentials from Secrets instead of writing them as literals",
            RuleSeverity.Warning,
            "A credential written in code or in a manifest ends up in source control, stack state and logs.",
            "docs/argo-server-sso.md, docs/workflow-archive.md"),
        new(DebugSurfaceEnabled,
            "Do not turn on debug surfaces (CORS wildcard, pprof)",
            RuleSeverity.Warning,
            "A wildcard CORS origin lets any web page call the API with a user's browser session; pprof serves process internals without authentication.",
            "docs/argo-server.md, docs/environment-variables.md"),
        new(UnpinnedImage,
            "Pin Argo images to a release",
            RuleSeverity.Warning,
            "A mutable tag such as 'latest' changes what runs without review and can skip security fixes or pull in untested code.",
            "docs/installation.md, SECURITY.md"),
        new(WorkflowPodSpecPatch,
            "Do not patch workflow pods with podSpecPatch",
            RuleSeverity.Warning,
            "A podSpecPatch rewrites the whole pod after Argo built it, so it can add host mounts, privileges or another service account that nobody reviews.",
            "docs/security.md, docs/workflow-restrictions.md, docs/fields.md (podSpecPatch)",
            RuleChecks.Audit | RuleChecks.Admission),
        new(WorkflowHostNamespaces,
            "Do not share the node's network, PID or IPC namespace with workflow pods",
            RuleSeverity.Error, // why: a host namespace lets user code see and reach everything on the node, as Pod Security 'baseline' forbids.
            "A workflow pod in the host's network, PID or IPC namespace can reach node-local services and other pods' processes.",
            "docs/security.md (Workflow Pod Permissions), docs/fields.md (hostNetwork)",
            RuleChecks.Audit | RuleChecks.Admission),
        new(WorkflowPrivilegedContainer,
            "Do not run privileged or privilege-escalating workflow containers",
            RuleSeverity.Error, // why: a privileged container is root on the node, as Pod Security 'baseline' forbids.
            "A privileged container, or one allowed to escalate privileges, can take over the node it runs on.",
            "docs/workflow-pod-security-context.md, docs/security.md (Workflow Pod Permissions)",
            RuleChecks.Audit | RuleChecks.Admission),
        new(WorkflowArgoPodMetadata,
            "Do not set Argo's own workflows.argoproj.io labels or annotations on workflow pods",
            RuleSeverity.Warning,
            "The controller and the NetworkPolicies key on these labels and annotations: an author who sets them can pass a pod off as an agent or another controller's pod, keep it from garbage collection, or crash the controller.",
            "docs/security.md (Network Security), docs/sidecar-injection.md (kill command annotations)",
            RuleChecks.Audit | RuleChecks.Admission),
        new(WorkflowSpecsNotEnforced,
            "Enforce the hardened workflow posture at admission",
            RuleSeverity.Warning,
            "Without admission enforcement the hardened workflow settings are only defaults: any workflow author can pick another service account, mount its token, run as root or patch the pod.",
            "docs/security.md (Workflow Pod Permissions), docs/default-workflow-specs.md"),
        new(ArgoPodNotHardened,
            "Harden the workflow-controller and argo-server pods",
            RuleSeverity.Warning,
            "A controller or server container that may run as root, escalate privileges, keep capabilities, write its root filesystem or run unconfined, without resource limits or probes, is easier to take over or starve, and the controller's account acts in every workflow namespace.",
            "docs/security.md (Workflow Controller), Kubernetes Pod Security Standards (restricted)",
            RuleChecks.Audit),
        new(WorkflowNeedsDisabledFeature,
            "Turn on the Argo feature a workflow needs, or change the workflow",
            RuleSeverity.Warning, // why: nothing is opened (the workflow fails closed), but it fails at run time for certain, so CI should stop it; the fix may be a reviewed switch, so not Error.
            "A workflow that needs an Argo feature the install leaves off (an image entrypoint from a registry, HTTP, plugin or memoized templates, templates over 128 KiB) fails at run time, far from its author, and invites loosening the whole install.",
            "docs/workflow-executors.md (image index), docs/executor_plugins.md, docs/memoization.md, docs/offloading-large-workflows.md",
            RuleChecks.Audit | RuleChecks.Admission),
        new(UnsupportedRelease,
            "Run an Argo Workflows release line ArgoSecure supports",
            RuleSeverity.Error, // why: the install's flags, ConfigMap keys and least-privilege roles are only known for the supported lines.
            "A release outside the supported lines gets an install planned for another release: a ConfigMap key it does not know stops its controller, and a permission it needs may be missing, or one it never uses granted; old lines get no security fixes.",
            "docs/releases.md, docs/upgrading.md, docs/tested-kubernetes-versions.md",
            RuleChecks.Analyzers | RuleChecks.Audit),
        new(UnusableAcceptance,
            "Write an accepted risk's justification as a non-blank constant",
            RuleSeverity.Warning, // why: the risk may be sound, but the build cannot honor or record an acceptance whose reason it cannot read.
            "An accepted risk without a readable reason hides a security exception from review: the analyzers cannot honor it, and the diagnostic it meant to accept stays.",
            "ArgoSecure: accepted risks (AcceptedRisk.Justification)",
            RuleChecks.Analyzers),
    };

    private static readonly Dictionary<string, Rule> ById = CreateIndex();

    /// <summary>Every rule, in ID order.</summary>
    public static IReadOnlyList<Rule> All => AllRules;

    /// <summary>The rule with this ID.</summary>
    /// <exception cref="KeyNotFoundException">No rule has this ID.</exception>
    public static Rule Get(string id) => ById[id];

    /// <summary>Finds the rule with this ID.</summary>
    public static bool TryGet(string id, out Rule? rule) => ById.TryGetValue(id, out rule);

    /// <summary>The documentation page of a rule.</summary>
    public static string GetHelpUri(string id) => HelpBaseUri + id + ".md";

    private static Dictionary<string, Rule> CreateIndex()
    {
        var index = new Dictionary<string, Rule>();
        foreach (var rule in AllRules)
        {
            index.Add(rule.Id, rule);
        }

        return index;
    }
}
