using ArgoSecure.Releases;
using ArgoSecure.Rules;

namespace ArgoSecure.Audit;

/// <summary>
/// Which Argo release an install runs, and the checks that depend on it: ARGO0026 for images of a line ArgoSecure does not
/// support, and a note for ConfigMap keys the release does not know (its controller exits at start on them).
/// </summary>
internal static class ReleaseChecks
{
    /// <summary>
    /// The release of an install: <paramref name="argoVersion"/> when given (<c>--argo-version</c>), else the tag of its
    /// controller image, else of its server image; the newest line for a tag that is not a release (ARGO0018 reports it)
    /// and the nearest supported line for a release ArgoSecure does not support (ARGO0026 reports it).
    /// </summary>
    public static (ArgoRelease Release, ReleaseTag? Tag) Of(ArgoInstallation install, string? argoVersion)
    {
        ArgumentNullException.ThrowIfNull(install);
        var version = argoVersion ?? install.Controllers.Concat(install.Servers)
            .Select(c => ImageReference.Parse(c.Container.TextAt("image") ?? "").Tag)
            .FirstOrDefault(t => t is not null);
        var tag = ArgoReleases.TagOf(version);
        return (tag is null ? ArgoReleases.Newest : ArgoReleases.ForLine(tag.Line) ?? ArgoReleases.Nearest(tag), tag);
    }

    public static void Run(AuditContext context, List<string> notes)
    {
        var install = context.Installation;
        foreach (var o in install.Objects.Where(o => !o.IsOwned))
        {
            foreach (var container in PodTemplates.ContainersOf(o))
            {
                CheckImage(context, o, container["image"]);
            }
        }

        foreach (var controller in install.Controllers)
        {
            CheckImage(context, controller.Workload, controller.Flags.Node("executor-image"));
        }

        if (install.ControllerConfig is { } config)
        {
            CheckImage(context, config.ConfigMap, config["executor"]?["image"]);
            var unknown = Unknown(context, "", config.Settings, depth: 3).ToList();
            if (unknown.Count > 0)
            {
                notes.Add($"{config.ConfigMap.Location}: {config.ConfigMap.Ref}: Argo {context.ReleaseTag?.ToString() ?? context.Release.Line} does not know the key{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}: its controller exits at start on a key it does not know. Remove {(unknown.Count == 1 ? "it" : "them")} or upgrade.");
            }
        }
    }

    /// <summary>The keys of a map, down to <paramref name="depth"/> levels (the catalogue's are no deeper), that the release does not know; not their children.</summary>
    private static IEnumerable<string> Unknown(AuditContext context, string prefix, YMap map, int depth) =>
        map.Entries.SelectMany(entry =>
        {
            var path = prefix.Length == 0 ? entry.Key : prefix + "." + entry.Key;
            return !context.Release.KnowsConfigKey(path, context.ReleaseTag) ? [path]
                : depth > 1 && entry.Value is YMap inner ? Unknown(context, path, inner, depth - 1) : [];
        });

    private static void CheckImage(AuditContext context, KubeObject o, YNode? image)
    {
        if (image?.Text is not { Length: > 0 } reference)
        {
            return;
        }

        var parsed = ImageReference.Parse(reference);
        if (parsed.ArgoImage is not null && ArgoReleases.TagOf(parsed.Tag?.Replace(ArgoRelease.NonRootExecutorSuffix, "", StringComparison.Ordinal)) is { IsSupported: false } tag)
        {
            context.Report(RuleCatalog.UnsupportedRelease, o, image,
                $"Image '{reference}' runs Argo {tag}, a line ArgoSecure does not support: its flags, ConfigMap keys and permissions are not known, so this install is audited as Argo {ArgoReleases.Nearest(tag).Line}. Upgrade to a supported line ({ReleaseTag.SupportedLinesText}).");
        }
    }
}
