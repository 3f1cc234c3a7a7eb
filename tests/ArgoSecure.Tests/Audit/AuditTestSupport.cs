using ArgoSecure.Audit;

namespace ArgoSecure.Tests.Audit;

/// <summary>Audits YAML written in a test.</summary>
internal static class AuditYaml
{
    public static AuditReport Run(params string[] documents)
    {
        var loader = new ManifestLoader();
        var objects = documents.SelectMany((d, i) => loader.LoadText(d, $"test-{i}.yaml")).ToList();
        return AuditEngine.Audit(objects, ["test"], loader.Notes);
    }

    public static IReadOnlyList<string> Ids(AuditReport report) => report.RuleIds;

    /// <summary>An argo-server Deployment in argo.</summary>
    public static string Server(string args, string env = "[]", string annotations = "{}", string hardening = HardenedContainer) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: argo-server
          namespace: argo
          annotations: {{annotations}}
        spec:
          template:
            metadata:
              labels:
                app: argo-server
            spec:
              serviceAccountName: argo-server
              containers:
              - name: argo-server
                image: quay.io/argoproj/argocli:v4.1.2
                args: {{args}}
                env: {{env}}
        {{hardening}}
        """;

    /// <summary>A workflow-controller Deployment in argo.</summary>
    public static string Controller(string args = "[]", string env = "[]", string hardening = HardenedContainer) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: workflow-controller
          namespace: argo
        spec:
          template:
            metadata:
              labels:
                app: workflow-controller
            spec:
              serviceAccountName: argo
              containers:
              - name: workflow-controller
                image: quay.io/argoproj/workflow-controller:v4.1.2
                command: [workflow-controller]
                args: {{args}}
                env: {{env}}
        {{hardening}}
        """;

    /// <summary>What an Argo container needs to pass ARGO0024, as the last keys of the container.</summary>
    public const string HardenedContainer = """
                securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 512Mi}}
                livenessProbe: {httpGet: {path: /healthz, port: 6060}}
                readinessProbe: {httpGet: {path: /healthz, port: 6060}}
        """;

    /// <summary>A NetworkPolicy in argo that selects every pod.</summary>
    public const string AllowAll = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: argo
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """;

    /// <summary>A hardened controller ConfigMap and workflow-spec enforcement: the floor the renderer writes.</summary>
    public static string HardenedConfig => Enforcement + "---\n" + Config; // the ConfigMap last: tests append data keys to it

    /// <summary>
    /// A workflow-spec policy the audit recognises (its validations name every admission check's rule) bound with
    /// Deny to every namespace and to ClusterWorkflowTemplates.
    /// </summary>
    public static string Enforcement { get; } = $$"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata:
          name: workflow-specs
        spec:
          matchConstraints:
            resourceRules:
            - apiGroups: [argoproj.io]
              apiVersions: [v1alpha1]
              operations: [CREATE, UPDATE]
              resources: [workflows, cronworkflows, workflowtemplates, clusterworkflowtemplates]
          validations:
        {{string.Join("\n", ArgoSecure.Enforcement.AdmissionChecks.RuleIds.Select(id => $"  - {{expression: 'true', message: '{id}: checked'}}"))}}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata:
          name: workflow-specs
        spec:
          policyName: workflow-specs
          validationActions: [Deny]

        """;

    private const string Config = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: workflow-controller-configmap
          namespace: argo
        data:
          workflowRestrictions: |
            templateReferencing: Secure
          workflowDefaults: |
            spec:
              serviceAccountName: argo-workflow
              automountServiceAccountToken: false
              executor:
                serviceAccountName: argo-executor
              securityContext:
                runAsNonRoot: true
                runAsUser: 8737
        """;
}
