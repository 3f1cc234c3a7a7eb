using System.Globalization;
using System.Text;

namespace ArgoSecure.Benchmarks.Audit;

/// <summary>
/// The audit benchmark's input: one install (controller, server, their ConfigMap) and N objects of the kinds a
/// platform team keeps beside it, spread over 50 namespaces. The tests read it too (the fast YAML reader must take it).
/// </summary>
public static class BenchmarkInput
{
    /// <summary>The YAML text of <paramref name="count"/> objects.</summary>
    public static string Generate(int count)
    {
        var yaml = new StringBuilder();
        yaml.Append("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: workflow-controller, namespace: argo}
            spec:
              template:
                metadata: {labels: {app: workflow-controller}}
                spec:
                  serviceAccountName: argo
                  containers:
                  - name: workflow-controller
                    image: quay.io/argoproj/workflow-controller:v4.1.2
                    command: [workflow-controller]
                    args: [--configmap, workflow-controller-configmap]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: argo-server, namespace: argo}
            spec:
              template:
                metadata: {labels: {app: argo-server}}
                spec:
                  serviceAccountName: argo-server
                  containers:
                  - name: argo-server
                    image: quay.io/argoproj/argocli:v4.1.2
                    args: [server, --auth-mode=client]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: workflow-controller-configmap, namespace: argo}
            data:
              workflowRestrictions: |
                templateReferencing: Secure
              workflowDefaults: |
                spec:
                  serviceAccountName: argo-workflow
                  automountServiceAccountToken: false
                  securityContext: {runAsNonRoot: true, runAsUser: 8737}

            """);
        for (var i = 0; i < count - 3; i++)
        {
            var ns = $"team-{i % 50}";
            yaml.Append("---\n");
            switch (i % 8)
            {
                case 0:
                    yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: np-{i}, namespace: {ns}}}\nspec:\n  podSelector:\n    matchExpressions:\n    - {{key: workflows.argoproj.io/workflow, operator: Exists}}\n  policyTypes: [Ingress, Egress]\n");
                    break;
                case 1:
                    yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {{name: executor-{i}, namespace: {ns}}}\nrules:\n- apiGroups: [argoproj.io]\n  resources: [workflowtaskresults]\n  verbs: [create, patch]\n");
                    break;
                case 2:
                    yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {{name: cron-{i}, namespace: {ns}}}\nspec:\n  schedule: \"0 1 * * *\"\n  workflowSpec:\n    templates:\n    - name: main\n      container:\n        image: busybox:1.36\n        command: [sh, -c, echo hi]\n");
                    break;
                case 3:
                    yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {{name: tpl-{i}, namespace: {ns}}}\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    steps:\n    - - name: a\n        template: work\n  - name: work\n    script:\n      image: python:3.12\n      source: |\n        print('hello')\n");
                    break;
                case 4:
                    yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Secret\nmetadata: {{name: s-{i}, namespace: {ns}}}\ntype: Opaque\ndata:\n  token: c2VjcmV0\n");
                    break;
                default:
                    var risky = i % 40 == 5 ? "  podSpecPatch: '{\"hostPID\": true}'\n" : "";
                    yaml.Append(CultureInfo.InvariantCulture, $"apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {{name: wf-{i}, namespace: {ns}, labels: {{team: \"{i % 50}\"}}}}\nspec:\n  entrypoint: main\n{risky}  arguments:\n    parameters:\n    - {{name: message, value: hello-{i}}}\n  templates:\n  - name: main\n    dag:\n      tasks:\n      - {{name: a, template: work}}\n      - {{name: b, template: work, dependencies: [a]}}\n  - name: work\n    container:\n      image: busybox:1.36\n      command: [sh, -c, 'echo {{{{inputs.parameters.message}}}}']\n      resources:\n        requests: {{cpu: 10m, memory: 32Mi}}\n");
                    break;
            }
        }

        return yaml.ToString();
    }
}
