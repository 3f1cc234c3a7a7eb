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
    private static readonly (string Field, bool Annotation)[] PodMetadataFields = [("labels", false), ("annotations", true)];
    private static readonly string[] HostNamespaceFields = ["hostNetwork", "hostPID", "hostIPC"];

    public static void Run(AuditContext context)
    {
        var install = context.Installation;
        var defaults = install.ControllerConfig?["workflowDefaults"]?["spec"] as YMap;
        var mainContainer = install.ControllerConfig?["mainContainer"]?["securityContext"];
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

            // A view that shares the objects' own nodes: the checks only read it.
            var effective = defaults ?? new YMap(spec.Location);
            if (spec["workflowTemplateRef"] is { } reference && (reference.BoolAt("clusterScope") == true
                    ? install.Input.Find("ClusterWorkflowTemplate", null, reference.TextAt("name"))
                    : install.Input.Find("WorkflowTemplate", o.Namespace, reference.TextAt("name"))) is { Spec: YMap referenced })
            {
                effective = StrategicMerge.Merged(effective, referenced);
            }

            effective = StrategicMerge.Merged(effective, spec);
            CheckSpec(context, o, effective, mainContainer);
            WorkflowFeatureChecks.Check(context, features, o, effective);
        }
    }

    private static void CheckSpec(AuditContext context, KubeObject o, YMap spec, YNode? mainContainer)
    {
        var what = $"{o.Kind} '{o.Name}'";
        var noDefaultSa = new List<Hit>();
        var automount = new List<Hit>();
        var root = new List<Hit>();
        var privileged = new List<Hit>();
        var argoKeys = new List<(string Where, string Key, YNode At)>();

        // Where a key was found is spelled out only for the metadata that is there (most templates have none).
        void CollectArgoKeys(YNode? metadata, string where, string? template = null)
        {
            if (metadata is null)
            {
                return;
            }

            foreach (var (field, annotation) in PodMetadataFields)
            {
                foreach (var (key, value) in (metadata[field] as YMap)?.Entries ?? [])
                {
                    if (ArgoPodMetadataCheck.IsArgoOwned(key, annotation))
                    {
                        argoKeys.Add((template is null ? where : $"template '{template}' {where}", key, value));
                    }
                }
            }
        }

        CollectArgoKeys(spec["podMetadata"], "spec.podMetadata");
        CollectArgoKeys(spec.At("artifactGC", "podMetadata"), "artifactGC.podMetadata");
        CollectArgoKeys(spec.At("templateDefaults", "metadata"), "templateDefaults.metadata");
        foreach (var template in spec.Items("templates"))
        {
            CollectArgoKeys(template["metadata"], "metadata", template.TextAt("name") ?? "?");
            foreach (var artifact in template.At("outputs", "artifacts")?.Items ?? [])
            {
                CollectArgoKeys(artifact.At("artifactGC", "podMetadata"), "artifactGC.podMetadata", template.TextAt("name") ?? "?");
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
                noDefaultSa.Add(new(name, sa ?? template, sa?.Text is { } account ? $"serviceAccountName: {(account.Length == 0 ? "\"\"" : account)}" : null));
            }

            var mount = template["automountServiceAccountToken"] ?? spec["automountServiceAccountToken"];
            if (YNode.ParseBool(mount?.Text) != false)
            {
                automount.Add(new(name, mount ?? template, mount?.Text is { } value ? $"automountServiceAccountToken: {value}" : null));
            }

            if (UserCodeKinds.Contains(kind))
            {
                var podContext = template["securityContext"] ?? spec["securityContext"];
                var mains = kind == "containerSet" ? template.At("containerSet", "containers")?.Items ?? [] : [template[kind]!];
                var verdicts = mains.Select(c => MayRunAsRoot(podContext, c["securityContext"], mainContainer)).Where(v => v.Root).ToList();
                if (verdicts.Count > 0)
                {
                    var found = verdicts.FirstOrDefault(v => v.Found is not null);
                    root.Add(new(name, found.At ?? podContext ?? template, found.Found));
                }
            }

            foreach (var container in Containers(template))
            {
                if (IsPrivileged(container) is { } flag)
                {
                    privileged.Add(new(name, flag.At, $"container '{container.TextAt("name") ?? "main"}' sets {flag.Found}"));
                }
            }

            if (template["podSpecPatch"] is { } patch)
            {
                CheckPodSpecPatch(context, o, patch, $"{what}, template '{name}'");
            }
        }

        Report(context, o, RuleCatalog.WorkflowDefaultServiceAccount, noDefaultSa, what,
            ("runs", "run"), "as the namespace's shared 'default' service account", "no serviceAccountName in the template, the workflow or workflowDefaults",
            "Set spec.serviceAccountName to a dedicated service account.");
        Report(context, o, RuleCatalog.WorkflowTokenAutomounted, automount, what,
            ("mounts", "mount"), "the service account token in the main container", "no automountServiceAccountToken: false in the template, the workflow or workflowDefaults",
            "Set spec.automountServiceAccountToken: false with spec.executor.serviceAccountName.");
        Report(context, o, RuleCatalog.WorkflowPodsMayRunAsRoot, root, what,
            ("may run", "may run"), "as root", "no runAsNonRoot: true nor a non-zero runAsUser in the template, the workflow, workflowDefaults or mainContainer",
            "Set spec.securityContext.runAsNonRoot: true and a non-zero runAsUser.");
        Report(context, o, RuleCatalog.WorkflowPrivilegedContainer, privileged, what,
            ("runs", "run"), "a privileged or privilege-escalating container", null,
            $"Remove privileged and added capabilities (but {PrivilegeCheck.AllowedCapability}) and set allowPrivilegeEscalation: false.");

        if (spec["podSpecPatch"] is { } specPatch)
        {
            CheckPodSpecPatch(context, o, specPatch, what);
        }

        foreach (var field in HostNamespaceFields)
        {
            if (spec.BoolAt(field) == true)
            {
                context.Report(RuleCatalog.WorkflowHostNamespaces, o, spec[field],
                    $"{what} sets {field}: {spec[field]!.Text}, so its pods share the node's namespace. Remove {field}.");
            }
        }
    }

    /// <summary>One template that breaks a rule: where, and the value found (null when the rule is broken by absence).</summary>
    private sealed record Hit(string Template, YNode At, string? Found);

    /// <summary>
    /// One finding per rule and workflow object naming every template that breaks it, with the value found in each
    /// ("template 'main' runs ... (serviceAccountName: default)") or what is absent.
    /// </summary>
    private static void Report(
        AuditContext context, KubeObject o, string ruleId, List<Hit> hits, string what, (string One, string Many) verb, string rest, string? absent, string fix)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var groups = hits.GroupBy(h => h.Found ?? absent ?? "").ToList();
        var templates = hits.Select(h => h.Template).Distinct(StringComparer.Ordinal).ToList();
        var subject = templates.Count == 1 ? "template" : "templates";
        var verbForm = templates.Count == 1 ? verb.One : verb.Many;
        var description = groups.Count == 1
            ? $"{subject} {Quote(templates)} {verbForm} {rest} ({groups[0].Key})"
            : $"{subject} {string.Join("; ", groups.Select(g => $"{Quote(g.Select(h => h.Template).Distinct(StringComparer.Ordinal))} ({g.Key})"))} {verbForm} {rest}";
        context.Report(ruleId, o, hits[0].At, $"{what}: {description}. {fix}");
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static void CheckPodSpecPatch(AuditContext context, KubeObject o, YNode patch, string what)
    {
        context.Report(RuleCatalog.WorkflowPodSpecPatch, o, patch,
            $"{what} has a podSpecPatch: it rewrites the pod Argo builds, unreviewed. Use the template's own fields (securityContext, volumes, resources) instead.");
        YNode? parsed = null;
        try
        {
            parsed = YamlTree.ParseEmbedded(patch, context.Installation.Limits);
        }
        catch (AuditInputException)
        {
            // An unparsable patch is reported above; its content cannot be checked further.
        }

        if (parsed is null)
        {
            return;
        }

        foreach (var field in HostNamespaceFields)
        {
            if (parsed.BoolAt(field) == true)
            {
                context.Report(RuleCatalog.WorkflowHostNamespaces, o, parsed[field],
                    $"{what}: its podSpecPatch sets {field}: {parsed[field]!.Text}, so the pod shares the node's namespace. Remove it.");
            }
        }

        foreach (var container in parsed.Items("containers").Concat(parsed.Items("initContainers")))
        {
            if (IsPrivileged(container) is { } flag)
            {
                context.Report(RuleCatalog.WorkflowPrivilegedContainer, o, flag.At,
                    $"{what}: its podSpecPatch sets {flag.Found} on container '{container.TextAt("name")}'. Remove it.");
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

    /// <summary>What makes a container privileged, as written: privileged or allowPrivilegeEscalation true, or an added capability.</summary>
    private static (YNode At, string Found)? IsPrivileged(YNode container)
    {
        foreach (var key in new[] { "privileged", "allowPrivilegeEscalation" })
        {
            if (container["securityContext"]?[key] is { } value && YNode.ParseBool(value.Text) == true)
            {
                return (value, $"{key}: {value.Text}");
            }
        }

        return container["securityContext"]?.At("capabilities", "add")?.Items.FirstOrDefault(c => c.Text != PrivilegeCheck.AllowedCapability) is { } added
            ? (added, $"capabilities.add: [{added.Text}]")
            : null;
    }

    /// <summary>True when a container runs as non-root: runAsNonRoot true (or a non-zero runAsUser) and never uid 0.</summary>
    public static bool IsNonRoot(YNode? pod, YNode? container, YNode? fallback) => !MayRunAsRoot(pod, container, fallback).Root;

    /// <summary>
    /// Whether a container may run as root, and the value that says so when one is written (<c>runAsUser: 0</c>,
    /// <c>runAsNonRoot: false</c>); the container's security context wins over the pod's, the pod's over the fallback.
    /// </summary>
    public static (bool Root, string? Found, YNode? At) MayRunAsRoot(YNode? pod, YNode? container, YNode? fallback)
    {
        var user = Effective("runAsUser", container, pod, fallback);
        var nonRoot = Effective("runAsNonRoot", container, pod, fallback);
        var uid = long.TryParse(user?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : (long?)null;
        if (uid == 0)
        {
            return (true, $"runAsUser: {user!.Text}", user);
        }

        var flag = YNode.ParseBool(nonRoot?.Text);
        if (flag == false)
        {
            return (true, $"runAsNonRoot: {nonRoot!.Text}", nonRoot);
        }

        return (flag != true && !(uid > 0), null, null);
    }

    /// <summary>The first written value of a security-context field, from the most specific context to the least.</summary>
    public static YNode? Effective(string key, params YNode?[] contexts) => contexts.Select(c => c?[key]).FirstOrDefault(v => v?.Text is not null);
}
