using ArgoSecure.Releases;
using YamlDotNet.RepresentationModel;

namespace ArgoSecure.Planning;

/// <summary>
/// Holds a planned Argo ConfigMap to the keys its release knows. Argo parses its ConfigMap strictly and exits at start on
/// a key it does not know, so a key of a newer release would stop an older controller: planning one is a bug.
/// </summary>
internal static class ReleaseConfigKeys
{
    /// <summary>The key paths of planned ConfigMap data (<c>persistence.postgresql.sslMode</c>), keys of lists' maps included.</summary>
    public static IEnumerable<string> Paths(IDictionary<string, string> data)
    {
        foreach (var (key, text) in data)
        {
            yield return key;
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            foreach (var path in stream.Documents.SelectMany(d => Paths(key, d.RootNode)))
            {
                yield return path;
            }
        }
    }

    /// <summary>Throws when the data holds a key the version's release does not know.</summary>
    public static void Require(string version, IDictionary<string, string> data)
    {
        var release = ArgoReleases.For(version) ?? throw new InvalidOperationException($"Argo '{version}' is not a supported release; validation should have refused it.");
        var tag = ArgoReleases.TagOf(version);
        var unknown = Paths(data).FirstOrDefault(path => !release.KnowsConfigKey(path, tag));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"The plan writes the ConfigMap key '{unknown}', which Argo {tag?.ToString() ?? release.Line} does not know: its controller would not start.");
        }
    }

    private static IEnumerable<string> Paths(string prefix, YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.SelectMany(entry => entry.Key is YamlScalarNode { Value: { } key }
            ? Paths(prefix + "." + key, entry.Value).Prepend(prefix + "." + key)
            : []),
        YamlSequenceNode list => list.Children.SelectMany(item => Paths(prefix, item)),
        _ => [],
    };
}
