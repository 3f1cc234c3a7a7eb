using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Builds the NetworkPolicies: default deny, then only the traffic each component needs.</summary>
internal static class NetworkPolicies
{
    private static readonly int[] DefaultApiServerPorts = [443, 6443];

    /// <summary>Denies all ingress and egress of every pod in the namespace.</summary>
    public static V1NetworkPolicy DefaultDeny(string @namespace, string component)
    {
        var policy = KubeObjects.Create<V1NetworkPolicy>("default-deny-all", @namespace, Labels.Common(component));
        policy.Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector(),
            PolicyTypes = ["Ingress", "Egress"],
        };
        return policy;
    }

    /// <summary>A policy for the pods matched by <paramref name="podSelector"/>: only the given ingress and egress.</summary>
    public static V1NetworkPolicy ForPods(
        string name,
        string @namespace,
        string component,
        V1LabelSelector podSelector,
        List<V1NetworkPolicyIngressRule> ingress,
        List<V1NetworkPolicyEgressRule> egress)
    {
        var policy = KubeObjects.Create<V1NetworkPolicy>(name, @namespace, Labels.Common(component));
        policy.Spec = new V1NetworkPolicySpec
        {
            PodSelector = podSelector,
            PolicyTypes = ["Ingress", "Egress"],
            Ingress = ingress,
            Egress = egress,
        };
        return policy;
    }

    public static V1LabelSelector MatchLabels(IDictionary<string, string> labels) =>
        new() { MatchLabels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal) };

    /// <summary>Selects the pods the controller creates for workflows (and their agent and artifact-GC pods).</summary>
    public static V1LabelSelector WorkflowPods() => new()
    {
        MatchExpressions = [new V1LabelSelectorRequirement { Key = Labels.WorkflowPodLabel, OperatorProperty = "Exists" }],
    };

    /// <summary>Selects the agent pods Argo creates for HTTP and plugin templates (section 4.1).</summary>
    public static V1LabelSelector AgentPods() => new()
    {
        MatchLabels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [Labels.ComponentLabel] = Labels.AgentComponent },
        MatchExpressions = [new V1LabelSelectorRequirement { Key = Labels.WorkflowPodLabel, OperatorProperty = "Exists" }],
    };

    /// <summary>DNS: kube-dns in kube-system, UDP and TCP 53.</summary>
    public static V1NetworkPolicyEgressRule Dns() => new()
    {
        To =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = new V1LabelSelector { MatchLabels = new SortedDictionary<string, string> { [Labels.NamespaceNameLabel] = "kube-system" } },
                PodSelector = new V1LabelSelector { MatchLabels = new SortedDictionary<string, string> { ["k8s-app"] = "kube-dns" } },
            },
        ],
        Ports =
        [
            new V1NetworkPolicyPort { Protocol = "UDP", Port = 53 },
            new V1NetworkPolicyPort { Protocol = "TCP", Port = 53 },
        ],
    };

    /// <summary>The Kubernetes API server: the given targets, or any address on 443 and 6443.</summary>
    public static IEnumerable<V1NetworkPolicyEgressRule> ApiServer(IReadOnlyList<EgressTarget> targets) =>
        targets.Count > 0
            ? To(targets)
            : [new V1NetworkPolicyEgressRule { Ports = DefaultApiServerPorts.Select(p => new V1NetworkPolicyPort { Protocol = "TCP", Port = p }).ToList() }];

    /// <summary>One egress rule per target: its CIDR (or any address) on its TCP port.</summary>
    public static IEnumerable<V1NetworkPolicyEgressRule> To(IEnumerable<EgressTarget> targets) =>
        targets.Select(t => new V1NetworkPolicyEgressRule
        {
            To = t.Cidr is null ? null : [new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = t.Cidr } }],
            Ports = [new V1NetworkPolicyPort { Protocol = "TCP", Port = t.Port }],
        });

    /// <summary>Ingress on one TCP port from the pods of the named namespaces (or of every namespace).</summary>
    public static V1NetworkPolicyIngressRule FromNamespaces(IReadOnlyList<string>? namespaces, int port) => new()
    {
        FromProperty =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = namespaces is null
                    ? new V1LabelSelector()
                    : new V1LabelSelector
                    {
                        MatchExpressions =
                        [
                            new V1LabelSelectorRequirement
                            {
                                Key = Labels.NamespaceNameLabel,
                                OperatorProperty = "In",
                                Values = namespaces.Order(StringComparer.Ordinal).ToList(),
                            },
                        ],
                    },
            },
        ],
        Ports = [new V1NetworkPolicyPort { Protocol = "TCP", Port = port }],
    };
}
