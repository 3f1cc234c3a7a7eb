namespace ArgoSecure.Releases;

/// <summary>
/// The release catalogue: one entry per supported Argo Workflows line, and how a version picks one. Facts from each
/// line's newest patch when they were read (docs/least-privilege.md, "Releases").
/// </summary>
public static class ArgoReleases
{
    /// <summary>Every supported line, oldest first (the lines of <see cref="ReleaseTag.SupportedLines"/>).</summary>
    public static IReadOnlyList<ArgoRelease> All { get; } =
    [
        new("v3.7.18", ["v1.31.9", "v1.33.1"], "0.45.21 to 0.47.5", postgresSslDefault: "prefer", serverWritesConfigMaps: false, fullCrdsByDefault: false),
        new("v4.0.10", ["v1.31.9", "v1.33.1"], "1.0.0 to 1.0.18", postgresSslDefault: "prefer", serverWritesConfigMaps: true, fullCrdsByDefault: true),
        new("v4.1.2", ["v1.34.9", "v1.36.2"], null, postgresSslDefault: "disable", serverWritesConfigMaps: true, fullCrdsByDefault: true),
    ];

    /// <summary>The newest supported line: what an unpinned tag (ARGO0018) is planned and audited as.</summary>
    public static ArgoRelease Newest => All[^1];

    /// <summary>The line of a supported line name (<c>4.0</c>), or null.</summary>
    public static ArgoRelease? ForLine(string line) => All.FirstOrDefault(r => r.Line == line);

    /// <summary>
    /// The line a version selects: its own for a release tag of a supported line; the newest for a tag that is not a
    /// release (<c>latest</c>: ARGO0018); null for a release of a line ArgoSecure does not support (ARGO0026).
    /// </summary>
    public static ArgoRelease? For(string? version) =>
        ReleaseTag.TryParse(version, out var tag) ? ForLine(tag!.Line) : Newest;

    /// <summary>The release tag of <paramref name="version"/>, or null when it is not one.</summary>
    public static ReleaseTag? TagOf(string? version) => ReleaseTag.TryParse(version, out var tag) ? tag : null;

    /// <summary>The supported line nearest to an unsupported tag, for audits of releases outside the catalogue.</summary>
    public static ArgoRelease Nearest(ReleaseTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.CompareTo(All[0].Reference) < 0 ? All[0] : Newest;
    }
}
