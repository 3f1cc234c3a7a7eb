using System.Text;
using ArgoSecure.Planning;
using k8s;

namespace ArgoSecure.Rendering;

/// <summary>Planned objects to YAML. The same plan always gives the same bytes.</summary>
public static class ManifestRenderer
{
    /// <summary>One multi-document YAML stream, in plan order.</summary>
    public static string Render(InstallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Render(plan.Objects);
    }

    /// <summary>One multi-document YAML stream of the given objects, in order.</summary>
    public static string Render(IEnumerable<PlannedObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var builder = new StringBuilder();
        foreach (var planned in objects)
        {
            builder.Append("---\n");
            builder.Append(RenderOne(planned));
        }

        return builder.ToString();
    }

    /// <summary>One YAML document.</summary>
    public static string RenderOne(PlannedObject planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var yaml = KubernetesYaml.Serialize(planned.Value).Replace("\r\n", "\n", StringComparison.Ordinal);
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    /// <summary>
    /// One file per object, named so that a directory listing keeps the plan's order:
    /// <c>NNN-kind-namespace-name.yaml</c>.
    /// </summary>
    public static IReadOnlyList<(string FileName, string Yaml)> RenderFiles(InstallPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var width = Math.Max(3, plan.Objects.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        return plan.Objects
            .Select((o, i) => (FileName: $"{(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')}-{Slug(o)}.yaml", Yaml: RenderOne(o)))
            .ToList();
    }

    private static string Slug(PlannedObject o)
    {
        var parts = o.Namespace is null ? new[] { o.Kind, o.Name } : [o.Kind, o.Namespace, o.Name];
        var text = string.Join("-", parts).ToLowerInvariant();
        return new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());
    }
}
