using ArgoSecure.Tests.TestSupport;
using k8s.Models;

namespace ArgoSecure.Tests.Enforcement;

/// <summary>
/// The ARGO0025 checks, evaluated by a real CEL engine on rendered policies: a spec that needs a feature its
/// namespace leaves off is refused with a message naming the switch, the same spec is admitted where the switch is
/// on, and near misses (a command, an indexed image, an init container, an allowed cache or Secret) are admitted.
/// Policies: team-a and team-b of the cluster sample (image index busybox:1.36, python:3.12-slim, curl; HTTP
/// templates in team-a only, header Secret hooks-token; no registry lookups, no caches), its ClusterWorkflowTemplate
/// policy, and namespace 'ml' with every switch on (registry lookups, pull Secret registry-credentials, cache ml-cache).
/// </summary>
public class FeatureCheckTests
{
    private static readonly Lazy<Manifests> EveryFeature = new(() => Manifests.Render(ArgsVariants.EveryFeature(InstallScope.Cluster, "ml")));

    private static readonly Dictionary<string, Func<V1ValidatingAdmissionPolicySpec>> PolicyOf = new(StringComparer.Ordinal)
    {
        ["team-a"] = () => Policies.TeamA,
        ["team-b"] = () => Policies.Named(Manifests.RenderSample("cluster.yaml"), "argosecure-team-b-workflow-specs"),
        ["cluster templates"] = () => Policies.ClusterTemplates,
        ["ml"] = () => Policies.Named(EveryFeature.Value, "argosecure-ml-workflow-specs"),
        ["ml cluster templates"] = () => Policies.Named(EveryFeature.Value, "argosecure-argo-cluster-workflow-templates"),
    };

    /// <summary>Refused: where, the spec, the switch the message must name.</summary>
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "container without command, image not indexed", "team-a", Spec("- name: main\n  container: {image: alpine:3.20, args: [echo]}"), "ImageEntrypoints.Index" },
        { "no registry lookups: the message names RegistryEgress", "team-a", Spec("- name: main\n  container: {image: alpine:3.20}"), "ImageEntrypoints.RegistryEgress" },
        { "sidecar without command", "team-a", Spec("- name: main\n  container: {image: busybox:1.36}\n  sidecars:\n  - {name: s, image: redis:7}"), "ImageEntrypoints.Index" },
        { "containerSet container without command", "team-a", Spec("- name: main\n  containerSet:\n    containers:\n    - {name: a, image: golang:1.23}"), "ImageEntrypoints.Index" },
        { "script without command", "team-a", Spec("- name: main\n  script: {image: node:22, source: 'console.log(1)'}"), "ImageEntrypoints.Index" },
        { "image from a parameter", "team-a", Spec("- name: main\n  container: {image: '{{inputs.parameters.image}}'}"), "ImageEntrypoints.Index" },
        { "an empty command is no command", "team-a", Spec("- name: main\n  container: {image: alpine:3.20, command: []}"), "ImageEntrypoints.Index" },
        { "plugin template", "team-a", Spec("- name: main\n  plugin:\n    slack: {text: hi}"), "executor plugins" },
        { "memoize without caches", "team-a", Spec("- name: main\n  memoize: {key: k, cache: {configMap: {name: team-a-cache}}}\n  container: {image: busybox:1.36}"), "MemoizationCaches" },
        { "memoize in templateDefaults", "team-a", "templateDefaults:\n  memoize: {key: k, cache: {configMap: {name: c}}}\n" + Fixtures.Main, "MemoizationCaches" },
        { "http template where HTTP templates are off", "team-b", Spec("- name: main\n  http: {url: 'https://hooks.example.com'}"), "WorkflowNamespaceArgs.HttpTemplates" },
        { "http header reads a Secret the agent may not", "team-a", Spec("- name: main\n  http:\n    url: https://hooks.example.com\n    headers:\n    - name: Authorization\n      valueFrom: {secretKeyRef: {name: db-password, key: p}}"), "HttpTemplates.HeaderSecrets" },
        { "pull Secret the controller may not read", "ml", "imagePullSecrets: [{name: other}]\n" + Spec("- name: main\n  container: {image: alpine:3.20}"), "ImagePullSecrets" },
        { "memoize with another namespace's cache", "ml", Spec("- name: main\n  memoize: {key: k, cache: {configMap: {name: team-a-cache}}}\n  container: {image: busybox:1.36}"), "ml-cache" },
        { "memoize with a cache from a parameter", "ml", Spec("- name: main\n  memoize: {key: k, cache: {configMap: {name: '{{workflow.name}}'}}}\n  container: {image: busybox:1.36}"), "MemoizationCaches" },
        { "ClusterWorkflowTemplate container without command", "cluster templates", Spec("- name: main\n  container: {image: alpine:3.20}"), "ImageEntrypoints.Index" },
        { "ClusterWorkflowTemplate memoize without controller caches", "cluster templates", Spec("- name: main\n  memoize: {key: k, cache: {configMap: {name: c}}}\n  container: {image: busybox:1.36}"), "MemoizationCaches" },
        { "ClusterWorkflowTemplate plugin template", "cluster templates", Spec("- name: main\n  plugin:\n    slack: {text: hi}"), "executor plugins" },
    };

    /// <summary>Admitted: where, the spec.</summary>
    public static TheoryData<string, string, string> Admitted => new()
    {
        { "indexed image without command", "team-a", Spec("- name: main\n  container: {image: busybox:1.36, args: [-c, 'echo hi']}") },
        { "indexed script, sidecar and containerSet images", "team-a", Spec("- name: a\n  script: {image: 'python:3.12-slim', source: 'print(1)'}\n  sidecars:\n  - {name: s, image: busybox:1.36}\n- name: b\n  containerSet:\n    containers:\n    - {name: c, image: 'curlimages/curl:8.10.1'}") },
        { "any image with a command", "team-a", Spec("- name: main\n  container: {image: alpine:3.20, command: [echo, hi]}\n  sidecars:\n  - {name: s, image: redis:7, command: [redis-server]}") },
        { "init container without command (never looked up)", "team-a", Spec("- name: main\n  container: {image: busybox:1.36}\n  initContainers:\n  - {name: i, image: alpine/git:2.45.2}") },
        { "command inherited from templateDefaults", "team-a", "templateDefaults:\n  container: {command: [run]}\n" + Spec("- name: main\n  container: {image: alpine:3.20}") },
        { "templateDefaults container without command is no container", "team-a", "templateDefaults:\n  container: {resources: {limits: {cpu: 1}}}\n" + Fixtures.Main },
        { "container without an image is left to Argo", "team-a", Spec("- name: main\n  container: {args: [x]}") },
        { "http template with its header Secret", "team-a", Spec("- name: main\n  http:\n    url: https://hooks.example.com\n    headers:\n    - name: Authorization\n      valueFrom: {secretKeyRef: {name: hooks-token, key: token}}\n    - {name: Accept, value: application/json}") },
        { "http template naming the workflow account", "team-a", "serviceAccountName: argo-workflow\n" + Spec("- name: main\n  http: {url: 'https://hooks.example.com'}") },
        { "null feature fields", "team-b", Spec("- name: main\n  http: null\n  plugin: null\n  memoize: null\n  container: {image: busybox:1.36, command: null, args: [x]}") },
        { "registry lookups on, no pull Secrets", "ml", Spec("- name: main\n  container: {image: alpine:3.20}") },
        { "registry lookups on, a readable pull Secret", "ml", "imagePullSecrets: [{name: registry-credentials}]\n" + Spec("- name: main\n  container: {image: alpine:3.20}") },
        { "an unreadable pull Secret but nothing to look up", "ml", "imagePullSecrets: [{name: other}]\n" + Fixtures.Main },
        { "memoize with the namespace's cache", "ml", Spec("- name: main\n  memoize: {key: k, cache: {configMap: {name: ml-cache}}}\n  container: {image: busybox:1.36}") },
        { "ClusterWorkflowTemplate http template (namespaces differ: not judged)", "cluster templates", Spec("- name: main\n  http: {url: 'https://hooks.example.com'}") },
        { "ClusterWorkflowTemplate indexed image", "cluster templates", Spec("- name: main\n  container: {image: busybox:1.36}") },
        { "ClusterWorkflowTemplate with registry lookups on", "ml cluster templates", "imagePullSecrets: [{name: any}]\n" + Spec("- name: main\n  container: {image: alpine:3.20}") },
        { "ClusterWorkflowTemplate memoize with a controller cache", "ml cluster templates", Spec("- name: main\n  memoize: {key: k, cache: {configMap: {name: ml-cache}}}\n  container: {image: busybox:1.36}") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void SpecNeedingAnOffFeature_IsRefused_NamingTheSwitch(string name, string where, string spec, string switchName)
    {
        var result = Admit(where, spec);

        Assert.True(result.Outcome == "denied" && result.Errors.Count == 0, $"{name}: {result}");
        Assert.Equal(["ARGO0025"], result.RuleIds);
        Assert.Contains(result.Messages, m => m.Contains(switchName, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Admitted))]
    public void SpecTheInstallCanRun_IsAdmitted(string name, string where, string spec)
    {
        var result = Admit(where, spec);

        Assert.True(result.Outcome == "admitted", $"{name}: {result}");
    }

    [Fact]
    public void HttpTemplate_UnderAnotherAccount_IsRefusedTwice()
    {
        // Not the workflow account: ARGO0009 (not allowed) and ARGO0025 (the agent would have no role or token).
        var result = Admit("team-a", "serviceAccountName: builder\n" + Spec("- name: main\n  http: {url: 'https://hooks.example.com'}"));

        Assert.Equal(["ARGO0009", "ARGO0025"], result.RuleIds);
        Assert.Contains(result.Messages, m => m.Contains("spec.serviceAccountName, which must stay 'argo-workflow'", StringComparison.Ordinal));
    }

    [Fact]
    public void Update_ThatNamesAnUnreadablePullSecret_IsJudged()
    {
        var before = YamlJson.Single(Fixtures.Workflow(Spec("- name: main\n  container: {image: alpine:3.20}")));
        var after = YamlJson.Single(Fixtures.Workflow("imagePullSecrets: [{name: other}]\n" + Spec("- name: main\n  container: {image: alpine:3.20}")));

        var result = CelEngine.Shared.Admit(PolicyOf["ml"](), AdmissionRequest.Update(before, after));

        Assert.Equal("denied", result.Outcome);
        Assert.Equal(["ARGO0025"], result.RuleIds);
    }

    [Fact]
    public void AcceptedArgo0025_RemovesTheFeatureChecks_AndIsRecorded()
    {
        var args = ArgsVariants.EveryFeature(InstallScope.Cluster, "ml");
        args.WorkflowNamespaces[0].AcceptedRisks = [new() { RuleId = "ARGO0025", Justification = "Plugins come from the platform chart." }];
        var policy = Manifests.Render(args).OfType<V1ValidatingAdmissionPolicy>().Single(p => p.Metadata.Name == "argosecure-ml-workflow-specs");

        Assert.DoesNotContain(policy.Spec.Validations, v => v.Message.StartsWith("ARGO0025", StringComparison.Ordinal));
        Assert.Contains(policy.Spec.Validations, v => v.Message.StartsWith("ARGO0009", StringComparison.Ordinal));
        Assert.Equal("Plugins come from the platform chart.", policy.Metadata.Annotations["argosecure.io/accept-ARGO0025"]);
        var plugin = AdmissionRequest.Create(YamlJson.Single(Fixtures.Workflow(Spec("- name: main\n  plugin: {x: {}}"))));
        Assert.Equal("admitted", CelEngine.Shared.Admit(policy.Spec, plugin).Outcome);
    }

    [Fact]
    public void LargeTemplate_WithEveryTemplateLookedUp_IsAdmittedWithoutError()
    {
        // 2,000 templates, each a container without command (indexed image) and a sidecar: the checks walk them once.
        var templates = string.Join("\n", Enumerable.Range(0, 2000).Select(i =>
            $"- name: t{i}\n  container: {{image: busybox:1.36, args: [-c, 'echo {i}']}}\n  sidecars:\n  - {{name: s, image: 'python:3.12-slim'}}"));
        var result = Admit("team-a", Spec(templates));

        Assert.True(result.Outcome == "admitted", result.ToString());

        var broken = Admit("team-a", Spec(templates + "\n- name: last\n  container: {image: alpine:3.20}"));
        Assert.Equal(["ARGO0025"], broken.RuleIds);
    }

    private static AdmissionResult Admit(string where, string spec)
    {
        var kind = where.Contains("cluster templates", StringComparison.Ordinal) ? "ClusterWorkflowTemplate" : "Workflow";
        return CelEngine.Shared.Admit(PolicyOf[where](), AdmissionRequest.Create(YamlJson.Single(Fixtures.Workflow(spec, kind))));
    }

    private static string Spec(string templates) => "templates:\n" + templates;
}
