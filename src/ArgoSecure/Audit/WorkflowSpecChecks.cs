using System.Globalization;
using ArgoSecure.Enforcement.Checks;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>
/// Checks every workflow object (Workflow, CronWorkflow's workflowSpec, WorkflowTemplate, ClusterWorkflowTemplate) on
/// its effective spec: the controller's workflowDefaults merged under it (the workflow's own values win), then the
/// spec and each template that runs a pod.
/// </summary>
internal static class WorkflowSpecChecks
{
    private static readonly string[] PodTemplateKinds = ["container", "script", "containerSet", "data", "resource"];
    private static readonly string[] UserCodeKinds = ["container", "script", "containerSet"];

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var defaults = install.ControllerConfig?["workflowDefaults"]?["spec"] as YMap;
        var mainContainer = install.ControllerConfig?["mainContainer"]?["securityContext"];
        var templates = install.OfKind("WorkflowTemplate").Concat(install.OfKind("ClusterWorkflowTemplate")).ToList();
        var features = InstallFeatures.From(install);

        foreach (var o in install.Objects)
        {
            var spec = o.Kind switch
            {
                "Workflow" or "WorkflowTemplate" or "ClusterWorkflowTemplate" => o.Spec as YMap,
                "CronWorkflow" => o.Root.At("spec", "workflowSpec") as YMap,
                _ => null,
            };
            if (spec is null)
            {
                continue;
            }

            if (o.Kind is "Workflow" or "CronWorkflow" && !install.IsNamespaced && install.ControllerNamespace is { } controllerNs && o.Namespace == controllerNs)
            {
                context.Report(RuleCatalog.WorkflowsInControllerNamespace, o, o.Root.At("metadata", "namespace"),
                    $"{o.Kind} '{o.Name}' runs in '{controllerNs}', the controller's namespace: it can read the controller's Secrets and replace it. Run it in a workflow namespace.");
            }

            var effective = (YMap?)defaults?.Clone() ?? new YMap(spec.Location);
            if (spec["workflowTemplateRef"] is { } reference && templates.FirstOrDefault(t => t.Name == reference.TextAt("name") &&
                    (reference.BoolAt("clusterScope") == true ? t.Kind == "ClusterWorkflowTemplate" : t.Kind == "WorkflowTemplate")) is { Spec: YMap referenced })
            {
                StrategicMerge.Merge(effective, (YMap)referenced.Clone());
            }

            StrategicMerge.Merge(effective, spec);
            CheckSpec(context, o, effective, mainContainer);
            WorkflowFeatureChecks.Check(context, features, o, effective);
        }
    }

    private static void CheckSpec(AuditContext context, KubeObject o, YMap spec, YNode? mainContainer)
    {
        var what = $"{o.Kind} '{o.Name}'";
        var noDefaultSa = new List<(string, YNode)>();
        var automount = new List<(string, YNode)>();
        var root = new List<(string, YNode)>();
        var privileged = new List<(string, YNode)>();
        var argoKeys = new List<(string Where, string Key, YNode At)>();

        void CollectArgoKeys(string where, YNode? metadata)
        {
            foreach (var (field, annotation) in new[] { ("labels", false), ("annotations", true) })
            {
                foreach (var (key, value) in (metadata?[field] as YMap)?.Entries ?? [])
                {
                    if (ArgoPodMetadataCheck.IsArgoOwned(key, annotation))
                    {
                        argoKeys.Add((where, key, value));
                    }
                }
            }
        }

        CollectArgoKeys("spec.podMetadata", spec["podMetadata"]);
        CollectArgoKeys("artifactGC.podMetadata", spec.At("artifactGC", "podMetadata"));
        CollectArgoKeys("templateDefaults.metadata", spec.At("templateDefaults", "metadata"));
        foreach (var template in spec.Items("templates"))
        {
            var where = $"template '{template.TextAt("name") ?? "?"}'";
            CollectArgoKeys(where + " metadata", template["metadata"]);
            foreach (var artifact in template.At("outputs", "artifacts")?.Items ?? [])
            {
                CollectArgoKeys(where + " artifactGC.podMetadata", artifact.At("artifactGC", "podMetadata"));
            }
        }

        if (argoKeys.Count > 0)
        {
            var keys = string.Join(", ", argoKeys.Select(k => $"'{k.Key}' ({k.Where})").Distinct(StringComparer.Ordinal));
            context.Report(RuleCatalog.WorkflowArgoPodMetadata, o, argoKeys[0].At,
                $"{what} sets Argo's own pod labels or annotations: {keys}. Argo, its NetworkPolicies and pod garbage collection rely on them; use your own keys.");
        }

        foreach (var template in spec.Items("templates"))
        {
            var kind = PodTemplateKinds.FirstOrDefault(k => template[k] is not null);
            if (kind is null)
            {
                continue;
            }

            var name = template.TextAt("name") ?? "?";
            var sa = template["serviceAccountName"] ?? spec["serviceAccountName"];
            if (string.IsNullOrEmpty(sa?.Text) || sa.Text == "default")
            {
                noDefaultSa.Add((name, sa ?? template));
            }

            var mount = template["automountServiceAccountToken"] ?? spec["automountServiceAccountToken"];
            if (YNode.ParseBool(mount?.Text) != false)
            {
                automount.Add((name, mount ?? template));
            }

            var containers = Containers(template).ToList();
            if (UserCodeKinds.Contains(kind))
            {
                var podContext = template["securityContext"] ?? spec["securityContext"];
                var mains = kind == "containerSet" ? template.At("containerSet", "containers")?.Items ?? [] : [template[kind]!];
                if (mains.Any(c => !IsNonRoot(podContext, c["securityContext"], mainContainer)))
                {
                    root.Add((name, podContext ?? template));
                }
            }

            foreach (var container in containers)
            {
                if (IsPrivileged(container) is { } flag)
                {
                    privileged.Add((name, flag));
                }
            }

            if (template["podSpecPatch"] is { } patch)
            {
                CheckPodSpecPatch(context, o, patch, $"{what}, template '{name}'");
            }
        }

        Report(context, o, RuleCatalog.WorkflowDefaultServiceAccount, noDefaultSa, what,
            "run as the namespace's 'default' service account (no serviceAccountName in the workflow, its templates or workflowDefaults). Set spec.serviceAccountName to a dedicated service account.");
        Report(context, o, RuleCatalog.WorkflowTokenAutomounted, automount, what,
            "mount the service account token in their main container. Set spec.automountServiceAccountToken: false with spec.executor.serviceAccountName.");
        Report(context, o, RuleCatalog.WorkflowPodsMayRunAsRoot, root, what,
            "may run as root (no runAsNonRoot: true with a non-zero runAsUser in the template, the workflow or workflowDefaults). Set spec.securityContext.runAsNonRoot: true and runAsUser.");
        Report(context, o, RuleCatalog.WorkflowPrivilegedContainer, privileged, what,
            $"run a container with privileged: true, allowPrivilegeEscalation: true or an added capability other than {PrivilegeCheck.AllowedCapability}. Remove them and set allowPrivilegeEscalation: false.");

        if (spec["podSpecPatch"] is { } specPatch)
        {
            CheckPodSpecPatch(context, o, specPatch, what);
        }

        foreach (var field in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (spec.BoolAt(field) == true)
            {
                context.Report(RuleCatalog.WorkflowHostNamespaces, o, spec[field],
                    $"{what} sets {field}: true: its pods share the node's namespace. Remove {field}.");
            }
        }
    }

    private static void Report(AuditContext context, KubeObject o, string ruleId, List<(string Template, YNode At)> hits, string what, string text)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", hits.Select(h => $"'{h.Template}'").Distinct(StringComparer.Ordinal));
        context.Report(ruleId, o, hits[0].At, $"{what}: template{(hits.Count == 1 ? "" : "s")} {names} {text}");
    }

    private static void CheckPodSpecPatch(AuditContext context, KubeObject o, YNode patch, string what)
    {
        context.Report(RuleCatalog.WorkflowPodSpecPatch, o, patch,
            $"{what} has a podSpecPatch: it rewrites the pod Argo builds, unreviewed. Use the template's own fields (securityContext, volumes, resources) instead.");
        YNode? parsed = null;
        try
        {
            parsed = YamlTree.ParseEmbedded(patch);
        }
        catch (AuditInputException)
        {
            // An unparsable patch is reported above; its content cannot be checked further.
        }

        if (parsed is null)
        {
            return;
        }

        foreach (var field in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (parsed.BoolAt(field) == true)
            {
                context.Report(RuleCatalog.WorkflowHostNamespaces, o, parsed[field],
                    $"{what}: its podSpecPatch sets {field}: true, so the pod shares the node's namespace. Remove it.");
            }
        }

        foreach (var container in parsed.Items("containers").Concat(parsed.Items("initContainers")))
        {
            if (IsPrivileged(container) is { } flag)
            {
                context.Report(RuleCatalog.WorkflowPrivilegedContainer, o, flag,
                    $"{what}: its podSpecPatch makes container '{container.TextAt("name")}' privileged or privilege-escalating. Remove it.");
            }
        }
    }

    private static IEnumerable<YNode> Containers(YNode template)
    {
        foreach (var single in new[] { template["container"], template["script"] })
        {
            if (single is not null)
            {
                yield return single;
            }
        }

        foreach (var container in (template.At("containerSet", "containers")?.Items ?? []).Concat(template.Items("sidecars")).Concat(template.Items("initContainers")))
        {
            yield return container;
        }
    }

    private static YNode? IsPrivileged(YNode container)
    {
        var sc = container["securityContext"];
        return sc?.BoolAt("privileged") == true ? sc["privileged"]
            : sc?.BoolAt("allowPrivilegeEscalation") == true ? sc["allowPrivilegeEscalation"]
            : sc?.At("capabilities", "add")?.Items.FirstOrDefault(c => c.Text != PrivilegeCheck.AllowedCapability);
    }

    /// <summary>True when a container runs as non-root: runAsNonRoot true (or a non-zero runAsUser) and never uid 0.</summary>
    public static bool IsNonRoot(YNode? pod, YNode? container, YNode? fallback)
    {
        var user = container?.TextAt("runAsUser") ?? pod?.TextAt("runAsUser") ?? fallback?.TextAt("runAsUser");
        var nonRoot = container?.BoolAt("runAsNonRoot") ?? pod?.BoolAt("runAsNonRoot") ?? fallback?.BoolAt("runAsNonRoot");
        var uid = long.TryParse(user, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : (long?)null;
        if (uid == 0)
        {
            return false;
        }

        return nonRoot == true || (uid > 0 && nonRoot != false);
    }
}
