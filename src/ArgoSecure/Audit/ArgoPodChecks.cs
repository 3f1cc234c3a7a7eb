using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>
/// ARGO0024: the workflow-controller and argo-server pods are hardened, container by container: non-root, seccomp
/// <c>RuntimeDefault</c> (pod or container), a read-only root filesystem, no privilege escalation, every capability
/// dropped, resource requests and limits, liveness and readiness probes (init containers: all but the probes). Each
/// missing property is one finding per container, with the value found when one is written.
/// </summary>
internal static class ArgoPodChecks
{
    private static readonly string[] Resources = ["cpu", "memory"];

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        foreach (var component in install.Controllers.Concat(install.Servers))
        {
            if (PodTemplates.PodSpecOf(component.Workload) is not { } pod)
            {
                continue;
            }

            foreach (var container in pod.Items("containers"))
            {
                Check(context, component, pod, container, probes: true);
            }

            foreach (var container in pod.Items("initContainers"))
            {
                Check(context, component, pod, container, probes: false);
            }
        }
    }

    private static void Check(AuditContext context, ArgoComponent component, YNode pod, YNode container, bool probes)
    {
        var what = $"Container '{container.TextAt("name") ?? "?"}' of {ComponentChecks.Describe(component)}";
        void Report(YNode? at, string problem, string fix) =>
            context.Report(RuleCatalog.ArgoPodNotHardened, component.Workload, at ?? container, $"{what} {problem}. {fix}");

        var podContext = pod["securityContext"];
        var own = container["securityContext"];

        var root = WorkflowSpecChecks.MayRunAsRoot(podContext, own, null);
        if (root.Root)
        {
            Report(root.At, root.Found is { } found ? $"sets {found}, so it runs as root" : "sets neither runAsNonRoot: true nor a non-zero runAsUser (pod or container), so it may run as root",
                "Set securityContext.runAsNonRoot: true and a non-zero runAsUser.");
        }

        var seccomp = WorkflowSpecChecks.Effective("type", own?["seccompProfile"], podContext?["seccompProfile"]);
        if (seccomp?.Text is not ("RuntimeDefault" or "Localhost"))
        {
            Report(seccomp, seccomp is null ? "has no seccompProfile (pod or container), so its system calls are not filtered" : $"sets seccompProfile.type: {seccomp.Text}, so its system calls are not filtered",
                "Set securityContext.seccompProfile.type: RuntimeDefault.");
        }

        var readOnly = own?["readOnlyRootFilesystem"];
        if (YNode.ParseBool(readOnly?.Text) != true)
        {
            Report(readOnly, readOnly?.Text is { } value ? $"sets readOnlyRootFilesystem: {value}" : "does not set readOnlyRootFilesystem: true",
                "Set securityContext.readOnlyRootFilesystem: true (mount an emptyDir where it must write, such as /tmp).");
        }

        var privileged = own?["privileged"];
        var escalation = own?["allowPrivilegeEscalation"];
        if (YNode.ParseBool(privileged?.Text) == true)
        {
            Report(privileged, $"sets privileged: {privileged!.Text}", "Remove privileged and set securityContext.allowPrivilegeEscalation: false.");
        }
        else if (YNode.ParseBool(escalation?.Text) != false)
        {
            Report(escalation, escalation?.Text is { } value ? $"sets allowPrivilegeEscalation: {value}" : "does not set allowPrivilegeEscalation: false",
                "Set securityContext.allowPrivilegeEscalation: false.");
        }

        CheckCapabilities(own?["capabilities"], Report);
        CheckResources(container["resources"], "requests", Report);
        CheckResources(container["resources"], "limits", Report);
        if (probes)
        {
            var endpoint = component.Kind == ArgoComponentKind.Controller ? "httpGet /healthz on port 6060" : "httpGet / on port 2746, scheme HTTPS unless TLS is off";
            if (container["livenessProbe"] is null)
            {
                Report(null, "has no livenessProbe, so a hung process is never restarted", $"Add a livenessProbe ({endpoint}).");
            }

            if (container["readinessProbe"] is null)
            {
                Report(null, "has no readinessProbe, so it counts as available before it is ready", $"Add a readinessProbe ({endpoint}).");
            }
        }
    }

    private static void CheckCapabilities(YNode? capabilities, Action<YNode?, string, string> report)
    {
        const string fix = "Set securityContext.capabilities.drop: [ALL] and add none.";
        var drop = capabilities?["drop"];
        var dropped = drop?.Items.Select(c => c.Text ?? "").ToList() ?? [];
        var added = capabilities?["add"]?.Items.Select(c => c.Text ?? "").Where(c => c != "NET_BIND_SERVICE").ToList() ?? [];
        if (!dropped.Contains("ALL", StringComparer.OrdinalIgnoreCase))
        {
            report(drop ?? capabilities, drop is null ? "does not drop its capabilities (no capabilities.drop: [ALL])" : $"drops only [{string.Join(", ", dropped)}] (capabilities.drop), not ALL", fix);
        }
        else if (added.Count > 0)
        {
            report(capabilities?["add"], $"adds capabilities [{string.Join(", ", added)}] (capabilities.add)", fix);
        }
    }

    private static void CheckResources(YNode? resources, string kind, Action<YNode?, string, string> report)
    {
        var section = resources?[kind];
        var missing = Resources.Where(r => string.IsNullOrEmpty(section?[r]?.Text)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var problem = section is null
            ? $"has no resources.{kind}"
            : $"has resources.{kind} without {string.Join(" and ", missing)}";
        var why = kind == "limits" ? "so it can starve its node" : "so it can be scheduled where it starves";
        report(section ?? resources, $"{problem}, {why}", $"Set resources.{kind}.cpu and resources.{kind}.memory.");
    }
}
