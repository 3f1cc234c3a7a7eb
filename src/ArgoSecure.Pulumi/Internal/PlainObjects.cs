using System.Globalization;
using System.Text.Json;
using ArgoSecure.Planning;
using k8s;

namespace ArgoSecure.Pulumi.Internal;

/// <summary>
/// Turns planned KubernetesClient objects into the plain values Pulumi serializes: dictionaries with string
/// keys, lists, strings, booleans, <see cref="int"/> and <see cref="double"/> (Pulumi's serializer takes no
/// <see cref="long"/>). The JSON is KubernetesClient's own, so a ConfigGroup receives exactly what
/// <c>argosecure render</c> writes as YAML.
/// </summary>
internal static class PlainObjects
{
    /// <summary>One planned object as a plain dictionary, keys in the serializer's (deterministic) order.</summary>
    public static Dictionary<string, object> ToPlain(PlannedObject planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var json = KubernetesJson.Serialize(planned.Value);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{planned} did not serialize to a JSON object.");
        }

        return ToDictionary(document.RootElement);
    }

    /// <summary>Planned objects as the <c>Objs</c> of a ConfigGroup, in the given order.</summary>
    public static object[] ToObjs(IEnumerable<PlannedObject> objects) =>
        objects.Select(o => (object)ToPlain(o)).ToArray();

    private static Dictionary<string, object> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (ToValue(property.Value) is { } value)
            {
                result[property.Name] = value;
            }
        }

        return result;
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when element.TryGetInt32(out var integer) => integer,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unexpected JSON value kind {element.ValueKind}.")),
    };
}
