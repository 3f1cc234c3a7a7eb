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

    /// <summary>A hardened controller ConfigMap: the floor the renderer writes.</summary>
    public const string HardenedConfig = """
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
