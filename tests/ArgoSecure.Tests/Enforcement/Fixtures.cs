namespace ArgoSecure.Tests.Enforcement;

/// <summary>
/// Workflow objects for the admission checks: for each check, specs it denies (in every place the setting can
/// hide) and near misses it admits; and sparse objects with missing or null fields, which must never raise an
/// evaluation error. Namespace <c>team-a</c> of the cluster sample: allowed service account <c>argo-workflow</c>,
/// executor <c>argo-executor</c>.
/// </summary>
internal static class Fixtures
{
    /// <summary>Specs that break the posture, and the rules of the denial messages.</summary>
    public static TheoryData<string, string, string[]> Denied => new()
    {
        { "spec serviceAccountName is another account", Workflow("serviceAccountName: namespace-admin\n" + Main), ["ARGO0009"] },
        { "template serviceAccountName is default", Workflow("templates:\n- name: main\n  serviceAccountName: default\n  container: {image: busybox:1.36}"), ["ARGO0009"] },
        { "templateDefaults serviceAccountName", Workflow("templateDefaults:\n  serviceAccountName: builder\n" + Main), ["ARGO0009"] },
        { "workflow artifactGC serviceAccountName", Workflow("artifactGC:\n  serviceAccountName: cleaner\n" + Main), ["ARGO0009"] },
        { "output artifact's artifactGC serviceAccountName", Workflow("templates:\n- name: main\n  container: {image: busybox:1.36}\n  outputs:\n    artifacts:\n    - name: a\n      path: /a\n      artifactGC: {serviceAccountName: cleaner}"), ["ARGO0009"] },
        { "executor serviceAccountName is the workflow account", Workflow("executor: {serviceAccountName: argo-workflow}\n" + Main), ["ARGO0009"] },
        { "template executor serviceAccountName", Workflow("templates:\n- name: main\n  executor: {serviceAccountName: powerful}\n  container: {image: busybox:1.36}"), ["ARGO0009"] },
        { "spec automountServiceAccountToken true", Workflow("automountServiceAccountToken: true\n" + Main), ["ARGO0008"] },
        { "template automountServiceAccountToken true", Workflow("templates:\n- name: main\n  automountServiceAccountToken: true\n  container: {image: busybox:1.36}"), ["ARGO0008"] },
        { "spec securityContext runAsUser 0", Workflow("securityContext: {runAsUser: 0}\n" + Main), ["ARGO0007"] },
        { "template securityContext runAsNonRoot false", Workflow("templates:\n- name: main\n  securityContext: {runAsNonRoot: false}\n  container: {image: busybox:1.36}"), ["ARGO0007"] },
        { "templateDefaults securityContext runAsUser 0", Workflow("templateDefaults:\n  securityContext: {runAsUser: 0}\n" + Main), ["ARGO0007"] },
        { "container runAsUser 0", Workflow("templates:\n- name: main\n  container:\n    image: busybox:1.36\n    securityContext: {runAsUser: 0}"), ["ARGO0007"] },
        { "sidecar runAsNonRoot false", Workflow("templates:\n- name: main\n  container: {image: busybox:1.36}\n  sidecars:\n  - name: s\n    image: busybox:1.36\n    securityContext: {runAsNonRoot: false}"), ["ARGO0007"] },
        { "spec podSpecPatch", Workflow("podSpecPatch: '{\"hostPID\": true}'\n" + Main), ["ARGO0019"] },
        { "template podSpecPatch", Workflow("templates:\n- name: main\n  podSpecPatch: |\n    containers:\n    - name: main\n      securityContext: {privileged: true}\n  container: {image: busybox:1.36}"), ["ARGO0019"] },
        { "artifactGC podSpecPatch", Workflow("artifactGC:\n  podSpecPatch: '{}'\n" + Main), ["ARGO0019"] },
        { "hostNetwork true", Workflow("hostNetwork: true\n" + Main), ["ARGO0020"] },
        { "hostPID true", Workflow("hostPID: true\n" + Main), ["ARGO0020"] },
        { "CronWorkflow workflowSpec hostIPC true", Cron("hostIPC: true\n" + Main), ["ARGO0020"] },
        { "container privileged", Workflow("templates:\n- name: main\n  container:\n    image: busybox:1.36\n    securityContext: {privileged: true}"), ["ARGO0021"] },
        { "script allowPrivilegeEscalation", Workflow("templates:\n- name: main\n  script:\n    image: python:3.12-slim\n    source: print(1)\n    securityContext: {allowPrivilegeEscalation: true}"), ["ARGO0021"] },
        { "containerSet container adds SYS_ADMIN", Workflow("templates:\n- name: main\n  containerSet:\n    containers:\n    - name: a\n      image: busybox:1.36\n      securityContext:\n        capabilities: {add: [NET_BIND_SERVICE, SYS_ADMIN]}"), ["ARGO0021"] },
        { "initContainer privileged", Workflow("templates:\n- name: main\n  container: {image: busybox:1.36}\n  initContainers:\n  - name: i\n    image: busybox:1.36\n    securityContext: {privileged: true}"), ["ARGO0021"] },
        { "templateDefaults container privileged", Workflow("templateDefaults:\n  container:\n    securityContext: {privileged: true}\n" + Main), ["ARGO0021"] },
        { "podMetadata label workflows.argoproj.io/workflow", Workflow("podMetadata:\n  labels: {workflows.argoproj.io/workflow: other}\n" + Main), ["ARGO0022"] },
        { "template metadata label component agent", Workflow("templates:\n- name: main\n  metadata:\n    labels: {workflows.argoproj.io/component: agent}\n  container: {image: busybox:1.36}"), ["ARGO0022"] },
        { "template metadata annotation pod-gc-strategy", Workflow("templates:\n- name: main\n  metadata:\n    annotations: {workflows.argoproj.io/pod-gc-strategy: x}\n  container: {image: busybox:1.36}"), ["ARGO0022"] },
        { "artifactGC podMetadata label", Workflow("artifactGC:\n  podMetadata:\n    labels: {workflows.argoproj.io/completed: 'true'}\n" + Main), ["ARGO0022"] },
        { "output artifact's artifactGC podMetadata annotation", Workflow("templates:\n- name: main\n  container: {image: busybox:1.36}\n  outputs:\n    artifacts:\n    - name: a\n      path: /a\n      artifactGC:\n        podMetadata:\n          annotations: {workflows.argoproj.io/node-id: x}"), ["ARGO0022"] },
        { "WorkflowTemplate with several problems", Workflow("serviceAccountName: default\nautomountServiceAccountToken: true\npodSpecPatch: '{}'\n" + Main, "WorkflowTemplate"), ["ARGO0008", "ARGO0009", "ARGO0019"] },
    };

    /// <summary>Near misses the checks must admit.</summary>
    public static TheoryData<string, string> Admitted => new()
    {
        { "the allowed service account named in a template", Workflow("templates:\n- name: main\n  serviceAccountName: argo-workflow\n  container: {image: busybox:1.36}") },
        { "empty serviceAccountName", Workflow("serviceAccountName: ''\n" + Main) },
        { "the executor account named", Workflow("automountServiceAccountToken: false\nexecutor: {serviceAccountName: argo-executor}\n" + Main) },
        { "automountServiceAccountToken false in a template", Workflow("templates:\n- name: main\n  automountServiceAccountToken: false\n  container: {image: busybox:1.36}") },
        { "a non-root security context", Workflow("securityContext: {runAsNonRoot: true, runAsUser: 1000}\ntemplates:\n- name: main\n  container:\n    image: busybox:1.36\n    securityContext: {runAsUser: 2000, runAsGroup: 0}") },
        { "a uid without runAsNonRoot", Workflow("templates:\n- name: main\n  securityContext: {runAsUser: 65534}\n  container: {image: busybox:1.36}") },
        { "an empty podSpecPatch", Workflow("podSpecPatch: ''\n" + Main) },
        { "hostNetwork false", Workflow("hostNetwork: false\n" + Main) },
        { "NET_BIND_SERVICE added, ALL dropped, no escalation", Workflow("templates:\n- name: main\n  container:\n    image: busybox:1.36\n    securityContext:\n      privileged: false\n      allowPrivilegeEscalation: false\n      capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}") },
        { "the sidecar kill-command annotation", Workflow("podMetadata:\n  annotations: {workflows.argoproj.io/kill-cmd-sidecar: '[\"kill\"]'}\n" + Main) },
        { "own labels that only contain Argo's domain", Workflow("podMetadata:\n  labels: {example.com/workflows.argoproj.io: x, app: workflows.argoproj.io/workflow}\n" + Main) },
        { "a CronWorkflow whose cron spec has fields the checks read elsewhere", Cron(Main).Replace("spec:\n", "spec:\n  serviceAccountName: ignored-by-argo\n", StringComparison.Ordinal) },
    };

    /// <summary>Objects with missing or null fields: admitted, and never an evaluation error.</summary>
    public static TheoryData<string, string> Sparse => new()
    {
        { "no spec", "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: x}" },
        { "null spec", Workflow("").Replace("spec:\n", "spec: null\n", StringComparison.Ordinal) },
        { "empty spec", Workflow("{}") },
        { "null templates", Workflow("templates: null\ntemplateDefaults: null\nartifactGC: null\npodMetadata: null") },
        { "templates that are not maps", Workflow("templates: [null, 'main', 3, []]") },
        { "null template fields", Workflow("templates:\n- name: main\n  container: null\n  script: null\n  containerSet: null\n  initContainers: null\n  sidecars: null\n  securityContext: null\n  metadata: null\n  executor: null\n  outputs: null") },
        { "null nested fields", Workflow("executor: {serviceAccountName: null}\nsecurityContext: {runAsUser: null, runAsNonRoot: null}\npodMetadata: {labels: null, annotations: null}\ntemplates:\n- name: main\n  containerSet: {containers: [null, {securityContext: null}]}\n  container: {securityContext: {capabilities: {add: null}, privileged: null}}\n  sidecars: [null]\n  outputs: {artifacts: [null, {artifactGC: null}, {artifactGC: {podMetadata: null}}]}") },
        { "fields of another shape", Workflow("templates: {main: {}}\nsecurityContext: []\nexecutor: 'argo-executor'\ntemplateDefaults: []\npodMetadata: {labels: []}") },
        { "CronWorkflow without workflowSpec", "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: x}\nspec:\n  schedules: ['* * * * *']" },
        { "CronWorkflow with null workflowSpec", "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: x}\nspec:\n  workflowSpec: null" },
    };

    /// <summary>One ordinary template, for specs that only add a spec-level field.</summary>
    public const string Main = "templates:\n- name: main\n  container: {image: busybox:1.36, command: [echo, hi]}";

    public static string Workflow(string spec, string kind = "Workflow") =>
        $"apiVersion: argoproj.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: fixture\n  namespace: team-a\nspec:\n{Indent(spec)}";

    public static string Cron(string workflowSpec) =>
        $"apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: fixture\n  namespace: team-a\nspec:\n  schedules: ['0 1 * * *']\n  workflowSpec:\n{Indent(Indent(workflowSpec))}";

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
}
