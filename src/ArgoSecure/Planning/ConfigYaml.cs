using YamlDotNet.Serialization;

namespace ArgoSecure.Planning;

/// <summary>
/// Writes the YAML values of Argo ConfigMap keys. Values are built as ordered maps so the same Args always give
/// the same text.
/// </summary>
internal static class ConfigYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .Build();

    public static string Write(object value) => Serializer.Serialize(value);

    /// <summary>An ordered map (keys in insertion order, nulls dropped).</summary>
    public static YamlMap Map() => new();

    /// <summary>A YAML mapping; a Dictionary keeps insertion order as long as nothing is removed.</summary>
    internal sealed class YamlMap : Dictionary<string, object>
    {
        public YamlMap()
            : base(StringComparer.Ordinal)
        {
        }

        public YamlMap Set(string key, object? value)
        {
            if (value is not null)
            {
                Add(key, value);
            }

            return this;
        }
    }
}
