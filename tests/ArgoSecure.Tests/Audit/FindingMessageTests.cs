using ArgoSecure.Rules;
using static ArgoSecure.Tests.Audit.AuditYaml;

namespace ArgoSecure.Tests.Audit;

/// <summary>
/// Every audit rule's message states what the input holds: the value written when there is one (an explicit
/// <c>default</c>, <c>runAsUser: 0</c>, <c>privileged: true</c>), what is absent when nothing is written, in a sentence
/// whose verb agrees with its subject.
/// </summary>
public class FindingMessageTests
{
    private static string Config(string data) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: workflow-controller-configmap\n  namespace: argo\ndata:\n{data}\n";

    private static string Defaults(string spec) => Config($"  workflowDefaults: |\n    spec:\n{Indent(spec, 6)}");

    private static string Workflow(string templates, string spec = "") => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: hello
          namespace: team-a
        spec:
        {Indent(spec, 2)}
          templates:
        {Indent(templates, 2)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

    private const string Main = "- name: main\n  container: {image: busybox:1.36}";

    private const string Sso = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: workflow-controller-configmap
          namespace: argo
        data:
          sso: |
            issuer: https://login.example.com
            clientId: {name: sso, key: id}
            clientSecret: {name: sso, key: secret}
        """;

    private const string ServerRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: argo-server
        rules:
        - apiGroups: [""]
          resources: [secrets]
          verbs: [get, list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: argo-server
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: argo-server}
        subjects:
        - {kind: ServiceAccount, name: argo-server, namespace: argo}
        """;

    /// <summary>(rule, case, documents, what the message must say). Each rule has its explicit value and, where absence breaks it, its absent one.</summary>
    public static TheoryData<string, string, string[], string> Messages => new()
    {
        { "ARGO0001", "explicit", [Controller("[--namespaced, --managed-namespace=argo]"), AllowAll], "The workflow-controller runs with --managed-namespace=argo, its own namespace" },
        { "ARGO0001", "absent", [Controller("[--namespaced]"), AllowAll], "The workflow-controller runs with --namespaced and no --managed-namespace, so it manages its own namespace 'argo'" },
        { "ARGO0001", "environment", [Controller(env: """[{name: ARGO_NAMESPACED, value: "true"}]"""), AllowAll], "runs with ARGO_NAMESPACED=true and no --managed-namespace" },
        { "ARGO0002", "explicit", [Controller(), AllowAll, "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: agg\n  labels: {rbac.authorization.k8s.io/aggregate-to-edit: \"true\"}\nrules:\n- {apiGroups: [argoproj.io], resources: [workflows], verbs: [create]}"], "ClusterRole 'agg' grants create on workflows and has the label rbac.authorization.k8s.io/aggregate-to-edit: \"true\"" },
        { "ARGO0003", "explicit", [Server("[server, --auth-mode, server]"), AllowAll], "argo-server runs with auth mode 'server' (--auth-mode server)" },
        { "ARGO0003", "environment", [Server("[server]", """[{name: ARGO_AUTH_MODE, value: "sso,server"}]"""), AllowAll], "auth mode 'server' (ARGO_AUTH_MODE=sso,server)" },
        { "ARGO0004", "explicit", [Server("[server, --secure=false]"), AllowAll], "argo-server runs with --secure=false:" },
        { "ARGO0004", "environment", [Server("[server]", """[{name: ARGO_SECURE, value: "0"}]"""), AllowAll], "argo-server runs with ARGO_SECURE=0:" },
        { "ARGO0005", "explicit", [Sso + "\n    rbac: {enabled: false}"], "sso.rbac.enabled is false:" },
        { "ARGO0005", "absent", [Sso], "sso.rbac.enabled is not set (SSO RBAC is off by default):" },
        { "ARGO0006", "explicit", [Sso + "\n    rbac: {enabled: true}\n    insecureSkipVerify: yes"], "sso.insecureSkipVerify is yes:" },
        { "ARGO0007", "explicit", [Defaults("securityContext: {runAsNonRoot: true, runAsUser: 0}")], "workflowDefaults.spec.securityContext sets runAsUser: 0:" },
        { "ARGO0007", "explicit false", [Defaults("securityContext: {runAsNonRoot: false}")], "workflowDefaults.spec.securityContext sets runAsNonRoot: false:" },
        { "ARGO0007", "absent", [Defaults("serviceAccountName: argo-workflow")], "workflowDefaults.spec.securityContext is not set:" },
        { "ARGO0007", "workflow explicit", [HardenedConfig, Workflow("- name: main\n  securityContext: {runAsUser: 0}\n  container: {image: busybox:1.36}")], "Workflow 'hello': template 'main' may run as root (runAsUser: 0)." },
        { "ARGO0007", "workflow absent", [Workflow(Main)], "Workflow 'hello': template 'main' may run as root (no runAsNonRoot: true nor a non-zero runAsUser" },
        { "ARGO0008", "explicit", [Defaults("automountServiceAccountToken: true")], "workflowDefaults.spec.automountServiceAccountToken is true:" },
        { "ARGO0008", "absent", [Defaults("serviceAccountName: argo-workflow")], "workflowDefaults.spec.automountServiceAccountToken is not set (Kubernetes mounts the token by default):" },
        { "ARGO0008", "workflow explicit", [HardenedConfig, Workflow(Main, "automountServiceAccountToken: true")], "Workflow 'hello': template 'main' mounts the service account token in the main container (automountServiceAccountToken: true)." },
        { "ARGO0009", "explicit", [Defaults("serviceAccountName: default")], "workflowDefaults.spec.serviceAccountName is 'default':" },
        { "ARGO0009", "absent", [Defaults("automountServiceAccountToken: false")], "workflowDefaults.spec.serviceAccountName is not set:" },
        { "ARGO0009", "workflow explicit", [HardenedConfig, Workflow(Main, "serviceAccountName: default")], "Workflow 'hello': template 'main' runs as the namespace's shared 'default' service account (serviceAccountName: default)." },
        { "ARGO0009", "workflow absent, two templates", [Workflow(Main + "\n- name: other\n  script: {image: python:3.12, source: pass}")], "Workflow 'hello': templates 'main', 'other' run as the namespace's shared 'default' service account (no serviceAccountName in the template, the workflow or workflowDefaults)." },
        { "ARGO0010", "explicit", [Config("  workflowRestrictions: |\n    templateReferencing: \"\"")], "workflowRestrictions.templateReferencing is empty:" },
        { "ARGO0010", "absent", [Config("  workflowDefaults: |\n    spec: {}")], "workflowRestrictions.templateReferencing is not set:" },
        { "ARGO0011", "absent", [Server("[server]")], "No NetworkPolicy in 'argo' nor in the install's workflow namespaces" },
        { "ARGO0012", "explicit", [Server("[server]"), AllowAll, ServerRole], "ClusterRole 'argo-server', bound to argo-server's service account 'argo-server' by a ClusterRoleBinding, reads every Secret of the cluster (get, list on secrets)." },
        { "ARGO0013", "explicit", [Controller(), AllowAll, HardenedConfig + "\n  metricsConfig: |\n    enabled: true\n    secure: False"], "metricsConfig.secure is False:" },
        { "ARGO0014", "explicit", [Config("  persistence: |\n    postgresql: {host: db, ssl: false}")], "persistence.postgresql.ssl is false:" },
        { "ARGO0014", "absent", [Config("  persistence: |\n    postgresql: {host: db}")], "persistence.postgresql.ssl is not set:" },
        { "ARGO0014", "explicit mode", [Config("  persistence: |\n    postgresql: {host: db, ssl: true, sslMode: require}")], "persistence.postgresql.sslMode is 'require':" },
        { "ARGO0014", "absent mode", [Config("  persistence: |\n    postgresql: {host: db, ssl: true}")], "persistence.postgresql.sslMode is not set (prefer):" },
        { "ARGO0014", "explicit mysql", [Config("  persistence: |\n    mysql: {host: db, options: {tls: skip-verify}}")], "persistence.mysql.options.tls is 'skip-verify':" },
        { "ARGO0014", "absent mysql", [Config("  persistence: |\n    mysql: {host: db}")], "persistence.mysql.options.tls is not set:" },
        { "ARGO0015", "explicit", [Controller(env: """[{name: WORKFLOW_USER_OVERRIDE_ALLOWLIST, value: "arguments,volumes"}]"""), AllowAll], "WORKFLOW_USER_OVERRIDE_ALLOWLIST re-opens volumes" },
        { "ARGO0016", "explicit", ["apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: team-a}\nstringData: {password: hunter2}"], "Secret 'creds' writes 'password' as literal stringData" },
        { "ARGO0017", "explicit", [Controller(env: """[{name: ARGO_PPROF, value: "1"}]"""), AllowAll], "The workflow-controller runs with ARGO_PPROF=1:" },
        { "ARGO0017", "explicit CORS", [Server("[server, --access-control-allow-origin, '*']"), AllowAll], "argo-server runs with --access-control-allow-origin *, CORS from any origin" },
        { "ARGO0018", "explicit", [Controller().Replace("v4.1.2", "latest", StringComparison.Ordinal), AllowAll], "Image 'quay.io/argoproj/workflow-controller:latest' is not pinned" },
        { "ARGO0018", "absent", [Controller().Replace(":v4.1.2", "", StringComparison.Ordinal), AllowAll], "Image 'quay.io/argoproj/workflow-controller' is not pinned" },
        { "ARGO0019", "explicit", [HardenedConfig, Workflow("- name: main\n  podSpecPatch: '{}'\n  container: {image: busybox:1.36}")], "Workflow 'hello', template 'main' has a podSpecPatch" },
        { "ARGO0020", "explicit", [HardenedConfig, Workflow(Main, "hostPID: yes")], "Workflow 'hello' sets hostPID: yes, so its pods share the node's namespace." },
        { "ARGO0020", "explicit in a patch", [HardenedConfig, Workflow(Main, "podSpecPatch: '{\"hostNetwork\": true}'")], "Workflow 'hello': its podSpecPatch sets hostNetwork: true" },
        { "ARGO0021", "explicit", [HardenedConfig, Workflow("- name: main\n  container: {image: busybox:1.36, securityContext: {privileged: true}}")], "Workflow 'hello': template 'main' runs a privileged or privilege-escalating container (container 'main' sets privileged: true)." },
        { "ARGO0021", "explicit sidecar", [HardenedConfig, Workflow("- name: main\n  container: {image: busybox:1.36}\n  sidecars: [{name: dind, image: docker:dind, securityContext: {allowPrivilegeEscalation: true}}]")], "(container 'dind' sets allowPrivilegeEscalation: true)" },
        { "ARGO0021", "explicit capability", [HardenedConfig, Workflow("- name: main\n  container: {image: busybox:1.36, securityContext: {capabilities: {add: [SYS_ADMIN]}}}")], "(container 'main' sets capabilities.add: [SYS_ADMIN])" },
        { "ARGO0022", "explicit", [HardenedConfig, Workflow(Main, "podMetadata: {labels: {workflows.argoproj.io/workflow: other}}")], "Workflow 'hello' sets Argo's own pod labels or annotations: 'workflows.argoproj.io/workflow' (spec.podMetadata)." },
        { "ARGO0023", "absent", [Controller(), AllowAll], "No ValidatingAdmissionPolicy in the inputs holds workflow specs to the hardened posture" },
        { "ARGO0023", "explicit warn", [Controller(), AllowAll, HardenedConfig.Replace("validationActions: [Deny]", "validationActions: [Warn, Audit]", StringComparison.Ordinal)], "only warns and audits ClusterWorkflowTemplates (validationActions: Warn, Audit)" },
        { "ARGO0024", "explicit root", [Controller(hardening: Harden("runAsNonRoot: true", "runAsUser: 0")), AllowAll], "Container 'workflow-controller' of the workflow-controller sets runAsUser: 0, so it runs as root." },
        { "ARGO0024", "absent non-root", [Controller(hardening: Harden("runAsNonRoot: true, ", "")), AllowAll], "sets neither runAsNonRoot: true nor a non-zero runAsUser (pod or container), so it may run as root." },
        { "ARGO0024", "explicit seccomp", [Controller(hardening: Harden("RuntimeDefault", "Unconfined")), AllowAll], "sets seccompProfile.type: Unconfined, so its system calls are not filtered." },
        { "ARGO0024", "absent seccomp", [Controller(hardening: Harden(", seccompProfile: {type: RuntimeDefault}", "")), AllowAll], "has no seccompProfile (pod or container), so its system calls are not filtered." },
        { "ARGO0024", "explicit writable root", [Controller(hardening: Harden("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")), AllowAll], "sets readOnlyRootFilesystem: false." },
        { "ARGO0024", "absent read-only root", [Controller(hardening: Harden("readOnlyRootFilesystem: true, ", "")), AllowAll], "does not set readOnlyRootFilesystem: true." },
        { "ARGO0024", "explicit escalation", [Controller(hardening: Harden("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")), AllowAll], "sets allowPrivilegeEscalation: true." },
        { "ARGO0024", "explicit privileged", [Server("[server]", hardening: Harden("allowPrivilegeEscalation: false", "privileged: true")), AllowAll], "Container 'argo-server' of argo-server sets privileged: true." },
        { "ARGO0024", "absent escalation", [Controller(hardening: Harden("allowPrivilegeEscalation: false, ", "")), AllowAll], "does not set allowPrivilegeEscalation: false." },
        { "ARGO0024", "explicit drop", [Controller(hardening: Harden("drop: [ALL]", "drop: [NET_RAW]")), AllowAll], "drops only [NET_RAW] (capabilities.drop), not ALL." },
        { "ARGO0024", "explicit add", [Controller(hardening: Harden("drop: [ALL]", "drop: [ALL], add: [SYS_ADMIN]")), AllowAll], "adds capabilities [SYS_ADMIN] (capabilities.add)." },
        { "ARGO0024", "absent drop", [Controller(hardening: Harden("capabilities: {drop: [ALL]}, ", "")), AllowAll], "does not drop its capabilities (no capabilities.drop: [ALL])." },
        { "ARGO0024", "explicit partial requests", [Controller(hardening: Harden("requests: {cpu: 100m, memory: 128Mi}", "requests: {cpu: 100m}")), AllowAll], "has resources.requests without memory, so it can be scheduled where it starves." },
        { "ARGO0024", "absent requests", [Controller(hardening: Harden("requests: {cpu: 100m, memory: 128Mi}, ", "")), AllowAll], "has no resources.requests, so it can be scheduled where it starves." },
        { "ARGO0024", "absent limits", [Controller(hardening: Harden(", limits: {cpu: \"1\", memory: 512Mi}", "")), AllowAll], "has no resources.limits, so it can starve its node." },
        { "ARGO0024", "absent liveness", [Server("[server]", hardening: Harden("livenessProbe", "startupProbe")), AllowAll], "Container 'argo-server' of argo-server has no livenessProbe, so a hung process is never restarted. Add a livenessProbe (httpGet / on port 2746" },
        { "ARGO0024", "absent readiness", [Controller(hardening: Harden("readinessProbe", "startupProbe")), AllowAll], "has no readinessProbe, so it counts as available before it is ready. Add a readinessProbe (httpGet /healthz on port 6060)." },
        { "ARGO0025", "explicit plugin", [Controller(), AllowAll, HardenedConfig, Workflow("- name: main\n  plugin: {hello: {}}")], "Workflow 'hello' has a plugin template, but the controller runs no executor plugins (--executor-plugins)" },
        { "ARGO0026", "explicit", [Controller().Replace("v4.1.2", "v3.6.5", StringComparison.Ordinal), AllowAll], "Image 'quay.io/argoproj/workflow-controller:v3.6.5' runs Argo v3.6.5, a line ArgoSecure does not support" },
    };

    private static string Harden(string from, string to) => HardenedContainer.Replace(from, to, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Message_StatesTheValueFound(string ruleId, string scenario, string[] documents, string expected)
    {
        var report = Run(documents);

        var messages = report.Findings.Where(f => f.RuleId == ruleId).Select(f => f.Message).ToList();
        Assert.True(messages.Count > 0, $"{ruleId} ({scenario}) not reported; found {string.Join(", ", report.RuleIds)}");
        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
        if (scenario.StartsWith("explicit", StringComparison.Ordinal) || scenario.StartsWith("workflow explicit", StringComparison.Ordinal))
        {
            // A value is written: the message must not claim it is missing.
            Assert.All(messages.Where(m => m.Contains(expected, StringComparison.Ordinal)), m => Assert.DoesNotContain("is not set", m, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryAuditRule_HasAMessageCase()
    {
        var covered = Messages.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        var uncovered = RuleCatalog.All.Where(r => r.CheckedBy.HasFlag(RuleChecks.Audit)).Select(r => r.Id).Except(covered).ToList();
        Assert.True(uncovered.Count == 0, "No message case for " + string.Join(", ", uncovered));
    }
}
