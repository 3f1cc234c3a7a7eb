using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Deployments and PodDisruptionBudgets of the Argo components.</summary>
internal static class Workloads
{
    public static V1Deployment Deployment(string name, string @namespace, string component, int replicas, V1PodSpec pod)
    {
        var deployment = KubeObjects.Create<V1Deployment>(name, @namespace, Labels.Common(component));
        deployment.Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            RevisionHistoryLimit = 5,
            Selector = NetworkPolicies.MatchLabels(Labels.PodSelector(name)),
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new SortedDictionary<string, string>(Labels.Pod(name), StringComparer.Ordinal) },
                Spec = pod,
            },
        };
        return deployment;
    }

    public static V1PodDisruptionBudget Pdb(string name, string @namespace, string component)
    {
        var pdb = KubeObjects.Create<V1PodDisruptionBudget>(name, @namespace, Labels.Common(component));
        pdb.Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = 1,
            Selector = NetworkPolicies.MatchLabels(Labels.PodSelector(name)),
        };
        return pdb;
    }
}
