using k8s.Models;

namespace ArgoSecure.Planning;

/// <summary>Security contexts that meet the Pod Security Standard <c>restricted</c>.</summary>
internal static class PodSecurity
{
    public static V1PodSecurityContext Pod(long uid) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = uid,
        RunAsGroup = uid,
        FsGroup = uid,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext Container(bool readOnlyRootFilesystem = true) => new()
    {
        AllowPrivilegeEscalation = false,
        Privileged = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        ReadOnlyRootFilesystem = readOnlyRootFilesystem,
        RunAsNonRoot = true,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1ResourceRequirements Resources(ContainerResources resources) => new()
    {
        Requests = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["cpu"] = new ResourceQuantity(resources.CpuRequest),
            ["memory"] = new ResourceQuantity(resources.MemoryRequest),
        },
        Limits = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["cpu"] = new ResourceQuantity(resources.CpuLimit),
            ["memory"] = new ResourceQuantity(resources.MemoryLimit),
        },
    };
}
