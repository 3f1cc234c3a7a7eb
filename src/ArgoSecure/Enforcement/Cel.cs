namespace ArgoSecure.Enforcement;

/// <summary>
/// CEL fragments that read Argo's objects, whose CRDs keep unknown fields (every value is <c>dyn</c>), without
/// ever failing on a field that is missing, null or of another shape: a missing map reads as <c>{}</c>, a missing
/// list as <c>[]</c>, and only maps are kept from lists. Paths are dotted (<c>executor.serviceAccountName</c>);
/// every map on the way is checked before it is read. Only standard CEL is used (macros, <c>has</c>, <c>type</c>,
/// <c>in</c>, <c>startsWith</c>), so the API server and the test engine read it alike.
/// </summary>
internal static class Cel
{
    /// <summary>A CEL string literal.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    /// <summary>A CEL list of string literals.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    /// <summary>The value at the path when it is a map, else <c>{}</c>.</summary>
    public static string MapAt(string root, string path) => $"({Present(root, path)} && type({root}.{path}) == map ? {root}.{path} : {{}})";

    /// <summary>The value at the path when it is a list, else <c>[]</c>.</summary>
    public static string ListAt(string root, string path) => $"({Present(root, path)} && type({root}.{path}) == list ? {root}.{path} : [])";

    /// <summary>The maps of the list at the path, else <c>[]</c>.</summary>
    public static string MapsIn(string root, string path, string item) => $"{ListAt(root, path)}.filter({item}, type({item}) == map)";

    /// <summary>The value at the path as a one-item list when it is a map, else <c>[]</c>.</summary>
    public static string MapAsList(string root, string path) => $"({Present(root, path)} && type({root}.{path}) == map ? [{root}.{path}] : [])";

    /// <summary>True when the value at the path is a map.</summary>
    public static string IsMap(string root, string path) => $"({Present(root, path)} && type({root}.{path}) == map)";

    /// <summary>True when the value at the path is <paramref name="value"/> (a missing or null value never is).</summary>
    public static string Is(string root, string path, string value) => $"({Present(root, path)} && {root}.{path} == {value})";

    /// <summary>True when the value at the path is there and one of <paramref name="values"/>.</summary>
    public static string OneOf(string root, string path, IEnumerable<string> values) => $"({Present(root, path)} && {root}.{path} in {List(values)})";

    /// <summary>True when the value at the path is a list with at least one item.</summary>
    public static string NonEmptyList(string root, string path) => $"(size({ListAt(root, path)}) > 0)";

    /// <summary>True when the value at the path is missing, null, empty, or one of <paramref name="allowed"/>.</summary>
    public static string UnsetOrOneOf(string root, string path, IEnumerable<string> allowed) =>
        $"(!({Present(root, path)}) || {root}.{path} == null || {root}.{path} in {List(["", .. allowed])})";

    /// <summary>True when every map on the way to the last field of the path is a map and the last field is there.</summary>
    private static string Present(string root, string path)
    {
        var fields = path.Split('.');
        var guards = new List<string>();
        var current = root;
        for (var i = 0; i < fields.Length; i++)
        {
            current += "." + fields[i];
            guards.Add($"has({current})");
            if (i < fields.Length - 1)
            {
                guards.Add($"type({current}) == map");
            }
        }

        return string.Join(" && ", guards);
    }
}
