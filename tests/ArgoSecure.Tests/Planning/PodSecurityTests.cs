using ArgoSecure.Tests.TestSupport;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace ArgoSecure.Tests.Planning;

public class PodSecurityTests
{
    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void EveryPodTemplate_MeetsRestrictedStandard(string variant)
    {
        var manifests = VariantData.Get(variant);
        var deployments = manifests.Deployments.ToList();
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var violations = PodSecurityStandard.RestrictedViolations(deployment.Spec.Template.Spec);
            Assert.True(violations.Count == 0, $"{deployment.Metadata.Name}: {string.Join("; ", violations)}");
        }
    }

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void EveryNamespaceCreated_EnforcesRestricted(string variant)
    {
        foreach (var ns in VariantData.Get(variant).OfType<V1Namespace>())
        {
            Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
        }
    }

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void EveryContainer_HasRequestsLimitsAndProbes(string variant)
    {
        foreach (var container in VariantData.Get(variant).Deployments.SelectMany(d => d.Spec.Template.Spec.Containers))
        {
            Assert.True(container.Resources.Requests.ContainsKey("cpu") && container.Resources.Requests.ContainsKey("memory"), container.Name);
            Assert.True(container.Resources.Limits.ContainsKey("cpu") && container.Resources.Limits.ContainsKey("memory"), container.Name);
            Assert.True(container.LivenessProbe is not null && container.ReadinessProbe is not null, container.Name);
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem, container.Name);
            Assert.DoesNotContain(":latest", container.Image, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Workflow pods are made by the controller from the ConfigMap's defaults: build a pod the way Argo does for
    /// a plain container template (pod context from workflowDefaults, main from mainContainer, init/wait from
    /// executor) and check it against the restricted standard its namespace enforces.
    /// </summary>
    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void WorkflowPodsBuiltFromDefaults_MeetRestrictedStandard(string variant)
    {
        var config = VariantData.Get(variant).OfType<V1ConfigMap>().Single(c => c.Metadata.Name == "workflow-controller-configmap");
        var defaults = Yaml(config.Data["workflowDefaults"])["spec"];
        var podContext = (YamlMappingNode)defaults["securityContext"];
        var executor = (YamlMappingNode)Yaml(config.Data["executor"])["securityContext"];
        var main = (YamlMappingNode)Yaml(config.Data["mainContainer"])["securityContext"];

        var pod = new V1PodSpec
        {
            AutomountServiceAccountToken = bool.Parse(((YamlScalarNode)defaults["automountServiceAccountToken"]).Value!),
            ServiceAccountName = ((YamlScalarNode)defaults["serviceAccountName"]).Value,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = bool.Parse(Scalar(podContext, "runAsNonRoot")),
                RunAsUser = long.Parse(Scalar(podContext, "runAsUser")),
                SeccompProfile = new V1SeccompProfile { Type = ((YamlScalarNode)podContext["seccompProfile"]["type"]).Value },
            },
            InitContainers = [Container("init", executor)],
            Containers = [Container("wait", executor), Container("main", main)],
            Volumes = [new V1Volume { Name = "var-run-argo", EmptyDir = new V1EmptyDirVolumeSource() }],
        };

        Assert.Empty(PodSecurityStandard.RestrictedViolations(pod));
        Assert.False(pod.AutomountServiceAccountToken);
        Assert.NotEqual("default", pod.ServiceAccountName);
    }

    private static V1Container Container(string name, YamlMappingNode context) => new()
    {
        Name = name,
        SecurityContext = new V1SecurityContext
        {
            AllowPrivilegeEscalation = bool.Parse(Scalar(context, "allowPrivilegeEscalation")),
            Privileged = bool.Parse(Scalar(context, "privileged")),
            RunAsNonRoot = bool.Parse(Scalar(context, "runAsNonRoot")),
            Capabilities = new V1Capabilities { Drop = ((YamlSequenceNode)context["capabilities"]["drop"]).Select(n => ((YamlScalarNode)n).Value!).ToList() },
            SeccompProfile = new V1SeccompProfile { Type = ((YamlScalarNode)context["seccompProfile"]["type"]).Value },
        },
    };

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
