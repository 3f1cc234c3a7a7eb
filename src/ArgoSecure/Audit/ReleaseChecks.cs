using ArgoSecure.Releases;

namespace ArgoSecure.Audit;

/// <summary>
/// Which Argo release an install runs, and a note for ConfigMap keys that release does not know (its controller exits at
/// start on them). Images of a line ArgoSecure does not support are ARGO0026 in <see cref="ImageChecks"/>.
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

    /// <summary>Notes the controller ConfigMap's keys the install's release does not know (ARGO0026 on images is in <see cref="ImageChecks"/>).</summary>
    public static void Run(AuditContext context, List<string> notes)
    {
        if (context.Installation.ControllerConfig is { } config)
        {
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
}
