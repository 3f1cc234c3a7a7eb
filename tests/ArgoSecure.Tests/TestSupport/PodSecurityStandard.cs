using k8s.Models;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>The checks of the Kubernetes Pod Security Standard "restricted" (baseline included), on one pod spec.</summary>
public static class PodSecurityStandard
{
    private static readonly HashSet<string> RestrictedVolumeTypes =
        ["ConfigMap", "Csi", "DownwardAPI", "EmptyDir", "Ephemeral", "PersistentVolumeClaim", "Projected", "Secret"];

    public static List<string> RestrictedViolations(V1PodSpec pod)
    {
        var violations = new List<string>();
        if (pod.HostNetwork == true || pod.HostPID == true || pod.HostIPC == true)
        {
            violations.Add("host namespaces");
        }

        foreach (var volume in pod.Volumes ?? [])
        {
            var set = typeof(V1Volume).GetProperties()
                .Where(p => p.Name != nameof(V1Volume.Name) && p.GetValue(volume) is not null)
                .Select(p => p.Name)
                .ToList();
            if (set.Count != 1 || !RestrictedVolumeTypes.Contains(set[0]))
            {
                violations.Add($"volume {volume.Name} has type {string.Join("+", set)}");
            }
        }

        var podContext = pod.SecurityContext;
        if (podContext?.RunAsUser == 0)
        {
            violations.Add("pod runAsUser 0");
        }

        var podSeccomp = podContext?.SeccompProfile?.Type;
        if (podSeccomp is not null and not "RuntimeDefault" and not "Localhost")
        {
            violations.Add($"pod seccomp {podSeccomp}");
        }

        var containers = (pod.Containers ?? []).Concat(pod.InitContainers ?? []).ToList();
        if (containers.Count == 0)
        {
            violations.Add("no containers");
        }

        foreach (var container in containers)
        {
            var c = container.SecurityContext;
            var name = container.Name;
            if (c?.Privileged == true)
            {
                violations.Add($"{name}: privileged");
            }

            if (c?.AllowPrivilegeEscalation != false)
            {
                violations.Add($"{name}: allowPrivilegeEscalation is not false");
            }

            if (c?.Capabilities?.Drop?.Contains("ALL") != true)
            {
                violations.Add($"{name}: capabilities do not drop ALL");
            }

            if ((c?.Capabilities?.Add ?? []).Any(a => a != "NET_BIND_SERVICE"))
            {
                violations.Add($"{name}: adds capabilities");
            }

            if (!(c?.RunAsNonRoot ?? podContext?.RunAsNonRoot ?? false))
            {
                violations.Add($"{name}: runAsNonRoot is not true");
            }

            if (c?.RunAsUser == 0)
            {
                violations.Add($"{name}: runAsUser 0");
            }

            var seccomp = c?.SeccompProfile?.Type ?? podSeccomp;
            if (seccomp is not ("RuntimeDefault" or "Localhost"))
            {
                violations.Add($"{name}: seccomp profile is {seccomp ?? "unset"}");
            }

            if ((container.Ports ?? []).Any(p => p.HostPort is > 0))
            {
                violations.Add($"{name}: hostPort");
            }
        }

        return violations;
    }
}
