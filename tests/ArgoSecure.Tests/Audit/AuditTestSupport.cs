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
