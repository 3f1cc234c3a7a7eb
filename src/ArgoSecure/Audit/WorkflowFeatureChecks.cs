using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>
/// ARGO0025: a workflow object (on its effective spec) needs an Argo feature the install in the inputs leaves off,
/// so it would fail at run time. Reported only where the inputs show for certain that the install lacks it (the
/// controller's flags and ConfigMap, its grants when its bindings are there, its egress NetworkPolicies).
/// </summary>
internal static class WorkflowFeatureChecks
{
    /// <summary>Argo offloads a template or args longer than this (<c>MaxEnvVarLen</c>, 128 KiB) into a ConfigMap (F11).</summary>
    public const int OffloadThreshold = 131072;

    public static void Check(AuditContext context, InstallFeatures install, KubeObject o, YMap spec)
    {
        if (install.Controller is null)
        {
            return;
        }

        var what = $"{o.Kind} '{o.Name}'";
        var ns = o.Kind == "ClusterWorkflowTemplate" ? null : o.Namespace;
        var templates = spec.Items("templates").Where(t => t is YMap).ToList();
        var allTemplates = spec["templateDefaults"] is YMap defaults ? templates.Append(defaults).ToList() : templates;

        CheckEntrypoints(context, install, o, spec, templates, ns, what);

        if (!install.ExecutorPlugins && allTemplates.FirstOrDefault(t => t["plugin"] is YMap) is { } plugin)
        {
            context.Report(RuleCatalog.WorkflowNeedsDisabledFeature, o, plugin["plugin"],
                $"{what} has a plugin template, but the controller runs no executor plugins (--executor-plugins): the node would fail at run time. Use an http or container template.");
        }

        if (ns is not null && install.RbacKnown && allTemplates.FirstOrDefault(t => t["http"] is YMap) is { } http &&
            !(install.ControllerCan(ns, "argoproj.io", "workflowtasksets", "create") && install.ControllerCan(ns, "", "secrets", "get", InstallFeatures.AgentCaSecret)))
        {
            context.Report(RuleCatalog.WorkflowNeedsDisabledFeature, o, http["http"],
                $"{what} has an http template, but the controller may not create workflowtasksets or read Secret '{InstallFeatures.AgentCaSecret}' in '{ns}' (reference F14, F15): the agent pod would never start. Turn HTTP templates on for the namespace (WorkflowNamespaceArgs.HttpTemplates).");
        }

        if (install.RbacKnown && install.Controller.Namespace is { } controllerNamespace)
        {
            foreach (var template in allTemplates.Where(t => t["memoize"] is YMap))
            {
                var cache = template.TextAt("memoize", "cache", "configMap", "name");
                if (!install.ControllerCan(controllerNamespace, "", "configmaps", "create") || !install.ControllerCan(controllerNamespace, "", "configmaps", "update", cache) ||
                    !install.ControllerCan(controllerNamespace, "", "configmaps", "get", cache))
                {
                    context.Report(RuleCatalog.WorkflowNeedsDisabledFeature, o, template["memoize"],
                        $"{what} memoizes into cache '{cache}', but the controller may not create, read and update it in '{controllerNamespace}' (reference F9): the node would fail at run time. List the cache in the namespace's MemoizationCaches, or remove memoize.");
                    break;
                }
            }
        }

        if (ns is not null && install.RbacKnown && !install.ControllerCan(ns, "", "configmaps", "create") &&
            templates.FirstOrDefault(t => JsonSize(t) - JsonSize(t.At("inputs", "parameters")) > OffloadThreshold) is { } large)
        {
            context.Report(RuleCatalog.WorkflowNeedsDisabledFeature, o, large,
                $"{what}: template '{large.TextAt("name") ?? "?"}' is over 128 KiB as JSON, so Argo must put it in a ConfigMap, which the controller may not create in '{ns}' (reference F11): its pods would never start. Turn LargeTemplateOffload on for the namespace, or make the template smaller.");
        }
    }

    private static void CheckEntrypoints(AuditContext context, InstallFeatures install, KubeObject o, YMap spec, List<YNode> templates, string? ns, string what)
    {
        // A command set in templateDefaults is inherited by every container or script template.
        var containerInherits = HasCommand(spec.At("templateDefaults", "container"));
        var scriptInherits = HasCommand(spec.At("templateDefaults", "script"));
        var lookedUp = new List<(string Template, YNode Image)>();
        void LookUp(YNode template, YNode? container)
        {
            if (container is not null && !HasCommand(container) && container["image"] is { Text: { Length: > 0 } image } node && !install.ImageIndex.Contains(image))
            {
                lookedUp.Add((template.TextAt("name") ?? "?", node));
            }
        }

        foreach (var template in templates)
        {
            LookUp(template, containerInherits ? null : template["container"] as YMap);
            LookUp(template, scriptInherits ? null : template["script"] as YMap);
            foreach (var container in template.At("containerSet", "containers")?.Items ?? [])
            {
                LookUp(template, container);
            }

            foreach (var container in template.Items("sidecars"))
            {
                LookUp(template, container);
            }
        }

        if (lookedUp.Count == 0)
        {
            return;
        }

        var unreachable = lookedUp.Select(l => l.Image.Text!).Where(i => !install.ControllerReaches(InstallFeatures.RegistryPort(i))).Distinct(StringComparer.Ordinal).ToList();
        var unreadable = ns is null || !install.RbacKnown
            ? []
            : spec.Items("imagePullSecrets").Select(s => s.TextAt("name")).OfType<string>().Where(s => !install.ControllerCan(ns, "", "secrets", "get", s)).Distinct(StringComparer.Ordinal).ToList();
        if (unreachable.Count == 0 && unreadable.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", lookedUp.Select(l => $"'{l.Template}'").Distinct(StringComparer.Ordinal));
        var why = unreachable.Count > 0
            ? $"the controller's NetworkPolicies let it reach no registry of {string.Join(", ", unreachable.Select(i => $"'{i}'"))}"
            : $"the controller may not read the image-pull Secret{(unreadable.Count == 1 ? "" : "s")} {string.Join(", ", unreadable.Select(s => $"'{s}'"))} in '{ns}'";
        context.Report(RuleCatalog.WorkflowNeedsDisabledFeature, o, lookedUp[0].Image,
            $"{what}: template{(lookedUp.Count == 1 ? "" : "s")} {names} run an image without command that is not in the controller's image index, so the controller must read its entrypoint from the registry, but {why} (reference F13): the node would fail at run time. "
            + "Set command, list the image in the controller's images index (ImageEntrypoints.Index), or turn registry lookups on (ImageEntrypoints.RegistryEgress, ImagePullSecrets).");
    }

    private static bool HasCommand(YNode? container) => container?["command"]?.Items.Count > 0;

    /// <summary>The length of a node written as compact JSON (strings quoted, escapes not counted): close enough for a threshold.</summary>
    private static long JsonSize(YNode? node) => node switch
    {
        YMap map => 2 + map.Entries.Sum(e => e.Key.Length + 3 + JsonSize(e.Value)) + Math.Max(0, map.Entries.Count - 1),
        YSeq seq => 2 + seq.Children.Sum(JsonSize) + Math.Max(0, seq.Children.Count - 1),
        YScalar { IsNull: true } => 4,
        YScalar scalar => scalar.Value.Length + 2,
        _ => 0,
    };
}
