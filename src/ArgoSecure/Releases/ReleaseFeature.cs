namespace ArgoSecure.Releases;

/// <summary>What a release feature is: a ConfigMap key, a controller flag or an environment variable.</summary>
public enum ReleaseFeatureKind
{
    /// <summary>A key of the workflow-controller ConfigMap (dotted path).</summary>
    ConfigKey,

    /// <summary>A workflow-controller command-line flag (without the dashes).</summary>
    ControllerFlag,

    /// <summary>An environment variable a component reads.</summary>
    Environment,
}

/// <summary>
/// A setting that exists only from some release on: <see cref="Since"/> holds the first tag of each line that has it,
/// and every later line has it too (<c>v4.0.0</c> alone means 4.0 and 4.1; <c>v3.7.17, v4.0.8</c> means those patches on).
/// </summary>
public sealed class ReleaseFeature
{
    internal ReleaseFeature(ReleaseFeatureKind kind, string name, string source, params string[] since)
    {
        Kind = kind;
        Name = name;
        Source = source;
        Since = since.Select(s => ReleaseTag.TryParse(s, out var t) ? t! : throw new ArgumentException("Not a release tag: " + s, nameof(since))).ToList();
    }

    /// <summary>What the feature is.</summary>
    public ReleaseFeatureKind Kind { get; }

    /// <summary>The key path, flag or variable name.</summary>
    public string Name { get; }

    /// <summary>The upstream file the fact was read from (at the first tag that has it).</summary>
    public string Source { get; }

    /// <summary>The first tag of each line that has the feature, oldest first.</summary>
    public IReadOnlyList<ReleaseTag> Since { get; }

    /// <summary>The first release that has it, for messages (<c>v4.0.0</c>, or <c>v3.7.17 and v4.0.8</c>).</summary>
    public string SinceText => string.Join(" and ", Since.Select(s => s.ToString()));

    /// <summary>True when <paramref name="tag"/> has the feature.</summary>
    public bool IsIn(ReleaseTag tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var sameLine = Since.FirstOrDefault(s => s.Line == tag.Line);
        return sameLine is not null ? tag.CompareTo(sameLine) >= 0 : Since.Any(s => s.CompareTo(tag) < 0);
    }
}
