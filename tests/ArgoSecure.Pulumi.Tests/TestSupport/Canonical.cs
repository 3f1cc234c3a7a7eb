using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoSecure.Planning;
using k8s;

namespace ArgoSecure.Pulumi.Tests.TestSupport;

/// <summary>
/// Both sides of a comparison as JSON text with sorted keys and every number as a double: what the mock monitor
/// received after Pulumi's serialization, and what the planner (and so <c>argosecure render</c>) produces.
/// </summary>
public static class Canonical
{
    /// <summary>A planned object as KubernetesClient serializes it (the renderer's YAML comes from the same model).</summary>
    public static string Of(PlannedObject planned) => Write(JsonNode.Parse(KubernetesJson.Serialize(planned.Value)));

    /// <summary>A value the mock monitor received (ImmutableDictionary, ImmutableArray, double, string, bool).</summary>
    public static string OfPulumi(object? value) => Write(ToNode(value));

    /// <summary>The <c>objs</c> input of a ConfigGroup registration, one canonical text per object.</summary>
    public static IReadOnlyList<string> Objs(Registration configGroup) =>
        ((IEnumerable)configGroup.Inputs["objs"]).Cast<object?>().Select(OfPulumi).ToList();

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create((double)i),
        IDictionary dictionary => new JsonObject(dictionary.Keys.Cast<string>().Select(k => KeyValuePair.Create(k, ToNode(dictionary[k])))),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ => throw new InvalidOperationException($"Unexpected value of type {value.GetType()} from the mock monitor."),
    };

    private static string Write(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteSorted(writer, node);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, child);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                {
                    WriteSorted(writer, child);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                writer.WriteRawValue(value.GetValue<double>().ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
