using ArgoSecure.Planning;

namespace ArgoSecure.Releases;

/// <summary>
/// The facts of one Argo Workflows release line that the planner and the audit use, read from the line's newest
/// patch (<see cref="ReferenceTag"/>); see docs/least-privilege.md for the source of each. Facts that came or went
/// inside the lines (configuration keys, flags, environment variables) are in <see cref="ReleaseFeatures"/>, so one
/// table says which release knows what.
/// </summary>
public sealed class ArgoRelease
{
    internal ArgoRelease(string referenceTag, IReadOnlyList<string> testedKubernetes, string? helmCharts, string postgresSslDefault,
        bool serverWritesConfigMaps, bool fullCrdsByDefault)
    {
        Reference = ReleaseTag.TryParse(referenceTag, out var tag) ? tag! : throw new ArgumentException("Not a release tag: " + referenceTag, nameof(referenceTag));
        TestedKubernetes = testedKubernetes;
        HelmCharts = helmCharts;
        PostgresSslDefault = postgresSslDefault;
        ServerWritesConfigMaps = serverWritesConfigMaps;
        FullCrdsByDefault = fullCrdsByDefault;
    }

    /// <summary>The release line, <c>major.minor</c> (<c>4.1</c>).</summary>
    public string Line => Reference.Line;

    /// <summary>The patch the facts were read from (the newest of the line when they were).</summary>
    public string ReferenceTag => Reference.ToString();

    /// <summary>The Kubernetes versions upstream tests this line on (its hack/k8s-versions.sh).</summary>
    public IReadOnlyList<string> TestedKubernetes { get; }

    /// <summary>The argo-helm <c>argo-workflows</c> chart versions that ship this line, or null when none does.</summary>
    public string? HelmCharts { get; }

    /// <summary>
    /// The PostgreSQL <c>sslmode</c> the controller and server use when <c>postgresql.ssl</c> is absent or false:
    /// <c>prefer</c> (unverified TLS that falls back to plain text) up to 4.0, <c>disable</c> from 4.1.
    /// </summary>
    public string PostgresSslDefault { get; }

    /// <summary>
    /// True when argo-server has the sync-limit API (4.0 and later), which writes ConfigMaps for its callers: upstream's
    /// server roles of these lines grant <c>configmaps create, update</c>, 3.7's do not.
    /// </summary>
    public bool ServerWritesConfigMaps { get; }

    /// <summary>True when upstream's install applies the full CRD schemas (4.0 and later; 3.7 installs the minimal ones).</summary>
    public bool FullCrdsByDefault { get; }

    /// <summary>The custom resources of the line: the same eight kinds, names and scopes in every supported line.</summary>
    public static IReadOnlyList<CrdFacts> Crds => Planning.Crds.All;

    /// <summary>The suffix of the non-root executor image tag (<c>argoexec:&lt;tag&gt;-nonroot</c>, uid 8737), published for every supported line.</summary>
    public static string NonRootExecutorSuffix => "-nonroot";

    internal ReleaseTag Reference { get; }

    /// <summary>True when <paramref name="tag"/> (a patch of this line; null for the reference patch) knows the feature.</summary>
    public bool Has(ReleaseFeature feature, ReleaseTag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.IsIn(tag ?? Reference);
    }

    /// <summary>
    /// True when this line's controller accepts the key of its ConfigMap at <paramref name="path"/> (dotted, such as
    /// <c>persistence.reconnectionConfig</c>). The controller parses its ConfigMap strictly and exits on a key it does
    /// not know, so the planner never writes one and the audit reports one.
    /// </summary>
    public bool KnowsConfigKey(string path, ReleaseTag? tag = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var top = path.Split('.')[0];
        if (!ReleaseFeatures.CommonConfigKeys.Contains(top) && ReleaseFeatures.ConfigKey(top) is null)
        {
            return false;
        }

        for (var prefix = path; ; prefix = prefix[..prefix.LastIndexOf('.')])
        {
            if (ReleaseFeatures.ConfigKey(prefix) is { } feature && !Has(feature, tag))
            {
                return false;
            }

            if (!prefix.Contains('.', StringComparison.Ordinal))
            {
                break;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Line;
}
