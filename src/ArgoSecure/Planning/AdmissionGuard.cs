using ArgoSecure.Rules;
using k8s;
using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>
/// A ValidatingAdmissionPolicy (Kubernetes 1.30+) that rejects Workflows and CronWorkflows in the controller's
/// namespace, whatever RBAC someone is given there later.
/// </summary>
internal static class AdmissionGuard
{
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> For(string controllerNamespace)
    {
        var name = $"argosecure-{controllerNamespace}-no-workflows";
        var policy = KubeObjects.Create<V1ValidatingAdmissionPolicy>(name, null, Labels.Common("admission-guard"));
        policy.Spec = new V1ValidatingAdmissionPolicySpec
        {
            FailurePolicy = "Fail",
            MatchConstraints = new V1MatchResources
            {
                NamespaceSelector = new V1LabelSelector
                {
                    MatchLabels = new SortedDictionary<string, string> { [Labels.NamespaceNameLabel] = controllerNamespace },
                },
                ResourceRules =
                [
                    new V1NamedRuleWithOperations
                    {
                        ApiGroups = [Crds.Group],
                        ApiVersions = [Crds.Version],
                        Operations = ["CREATE", "UPDATE"],
                        Resources = ["workflows", "cronworkflows"],
                    },
                ],
            },
            Validations =
            [
                new V1Validation
                {
                    Expression = "false",
                    Reason = "Forbidden",
                    Message = $"{RuleCatalog.WorkflowsInControllerNamespace}: Workflows never run in the Argo controller's namespace '{controllerNamespace}': submit them to a workflow namespace. See {RuleCatalog.GetHelpUri(RuleCatalog.WorkflowsInControllerNamespace)}",
                },
            ],
        };

        var binding = KubeObjects.Create<V1ValidatingAdmissionPolicyBinding>(name, null, Labels.Common("admission-guard"));
        binding.Spec = new V1ValidatingAdmissionPolicyBindingSpec { PolicyName = name, ValidationActions = ["Deny"] };
        return [policy, binding];
    }
}
