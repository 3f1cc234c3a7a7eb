using System.Globalization;
using ArgoSecure.Input;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArgoSecure.Audit;

/// <summary>Where a value was read: a file and a 1-based line.</summary>
public sealed class SourceLocation
{
    /// <summary>Creates a location.</summary>
    public SourceLocation(string file, int line)
    {
        File = file;
        Line = line;
    }

    /// <summary>The file, as given or found (relative when it was given relative).</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>
/// A YAML value with the location it came from: a mapping, a sequence or a scalar. The audit's own small tree,
/// so that patched and synthesized values (kustomize patches, Helm chart facts) keep the line they came from.
/// </summary>
public abstract class YNode
{
    // The file and line, not a location object: a parsed input has a node on nearly every line, and one object less
    // per line is a sixth less for the garbage collector to copy while a large input is read.
    private string file;
    private int line;

    /// <summary>Creates a node.</summary>
    protected YNode(SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        file = location.File;
        line = location.Line;
    }

    /// <summary>Creates a node read from a file's line.</summary>
    private protected YNode(string file, int line)
    {
        this.file = file;
        this.line = line;
    }

    /// <summary>Where the node starts.</summary>
    public SourceLocation Location
    {
        get => new(file, line);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            file = value.File;
            line = value.Line;
        }
    }

    /// <summary>The child of a mapping, or null.</summary>
    public YNode? this[string key] => (this as YMap)?.Get(key);

    /// <summary>The scalar text, or null for mappings, sequences and null values.</summary>
    public string? Text => this is YScalar { IsNull: false } s ? s.Value : null;

    /// <summary>A deep copy.</summary>
    public abstract YNode Clone();

    /// <summary>Follows a path of keys; null when any step is missing.</summary>
    public YNode? At(params string[] path) => At(path.AsSpan());

    /// <summary>Follows a path of keys; null when any step is missing (the checks' calls allocate no array).</summary>
    public YNode? At(params ReadOnlySpan<string> path)
    {
        YNode? node = this;
        foreach (var key in path)
        {
            node = node?[key];
        }

        return node;
    }

    /// <summary>The scalar at a path.</summary>
    public string? TextAt(params string[] path) => At(path.AsSpan())?.Text;

    /// <summary>The scalar at a path.</summary>
    public string? TextAt(params ReadOnlySpan<string> path) => At(path)?.Text;

    /// <summary>The boolean at a path (YAML true/false, any case), or null.</summary>
    public bool? BoolAt(params string[] path) => ParseBool(TextAt(path.AsSpan()));

    /// <summary>The boolean at a path (YAML true/false, any case), or null.</summary>
    public bool? BoolAt(params ReadOnlySpan<string> path) => ParseBool(TextAt(path));

    /// <summary>Parses a YAML boolean.</summary>
    public static bool? ParseBool(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" => true,
        "false" or "no" or "off" or "0" => false,
        _ => null,
    };

    /// <summary>The items of a sequence (empty for anything else).</summary>
    public IReadOnlyList<YNode> Items => this is YSeq seq ? seq.Children : [];
}

/// <summary>A YAML mapping; keys keep their order.</summary>
public sealed class YMap : YNode
{
    // Past a few keys, a key's place is looked up in an index: a mapping of many keys must not read in quadratic time.
    private const int IndexFrom = 16;
    private readonly List<KeyValuePair<string, YNode>> entries;
    private Dictionary<string, int>? index;

    /// <summary>Creates an empty mapping.</summary>
    public YMap(SourceLocation location)
        : base(location) => entries = [];

    /// <summary>Creates an empty mapping read from a file's line, with room for as many keys as the reader will add.</summary>
    internal YMap(string file, int line, int capacity)
        : base(file, line) => entries = new(capacity);

    /// <summary>The entries in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, YNode>> Entries => entries;

    /// <summary>The value of a key, or null.</summary>
    public YNode? Get(string key) => IndexOf(key) is var i and >= 0 ? entries[i].Value : null;

    /// <summary>Sets a key (replacing its value, keeping its place).</summary>
    public void Set(string key, YNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = IndexOf(key);
        if (i >= 0)
        {
            entries[i] = new(key, value);
            return;
        }

        entries.Add(new(key, value));
        if (index is not null)
        {
            index[key] = entries.Count - 1;
        }
        else if (entries.Count > IndexFrom)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var j = 0; j < entries.Count; j++)
            {
                index[entries[j].Key] = j;
            }
        }
    }

    private int IndexOf(string key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds a key while reading (a repeated key replaces the earlier value).</summary>
    internal void Add(string key, YNode value) => Set(key, value);

    /// <summary>Removes a key.</summary>
    public bool Remove(string key)
    {
        var removed = entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.Ordinal)) > 0;
        if (removed)
        {
            index = null;
            if (entries.Count > IndexFrom)
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var j = 0; j < entries.Count; j++)
                {
                    index[entries[j].Key] = j;
                }
            }
        }

        return removed;
    }

    /// <summary>Puts the keys in the order of <paramref name="model"/>'s keys; keys it lacks follow, in their order.</summary>
    internal void OrderLike(YMap model)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < model.entries.Count; i++)
        {
            rank[model.entries[i].Key] = i;
        }

        var ordered = entries.OrderBy(e => rank.TryGetValue(e.Key, out var r) ? r : int.MaxValue).ToList();
        entries.Clear();
        entries.AddRange(ordered);
        if (index is not null)
        {
            for (var j = 0; j < entries.Count; j++)
            {
                index[entries[j].Key] = j;
            }
        }
    }

    /// <inheritdoc/>
    public override YNode Clone()
    {
        var copy = new YMap(Location);
        foreach (var entry in entries)
        {
            copy.Set(entry.Key, entry.Value.Clone());
        }

        return copy;
    }
}

/// <summary>A YAML sequence.</summary>
public sealed class YSeq : YNode
{
    /// <summary>Creates an empty sequence.</summary>
    public YSeq(SourceLocation location)
        : base(location) => Children = [];

    /// <summary>Creates an empty sequence read from a file's line, with room for as many items as the reader will add.</summary>
    internal YSeq(string file, int line, int capacity)
        : base(file, line) => Children = new(capacity);

    /// <summary>The items in order.</summary>
    public List<YNode> Children { get; }

    /// <inheritdoc/>
    public override YNode Clone()
    {
        var copy = new YSeq(Location);
        copy.Children.AddRange(Children.Select(c => c.Clone()));
        return copy;
    }
}

/// <summary>A YAML scalar (string, number, boolean or null).</summary>
public sealed class YScalar : YNode
{
    /// <summary>Creates a scalar.</summary>
    public YScalar(SourceLocation location, string value, bool isNull = false, bool isBlock = false)
        : base(location)
    {
        Value = value;
        IsNull = isNull;
        IsBlock = isBlock;
    }

    /// <summary>Creates a scalar read from a file's line.</summary>
    internal YScalar(string file, int line, string value, bool isNull = false, bool isBlock = false)
        : base(file, line)
    {
        Value = value;
        IsNull = isNull;
        IsBlock = isBlock;
    }

    /// <summary>The text as written (without quotes).</summary>
    public string Value { get; }

    /// <summary>True for a plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull { get; }

    /// <summary>True for a literal or folded block (<c>|</c>, <c>&gt;</c>): its content starts on the next line.</summary>
    public bool IsBlock { get; }

    /// <inheritdoc/>
    public override YNode Clone() => new YScalar(Location, Value, IsNull, IsBlock);
}

/// <summary>Reads YAML text into <see cref="YNode"/> documents.</summary>
public static class YamlTree
{
    /// <summary>
    /// Parses every document of a YAML (or JSON) text under the budget's limits. Throws <see cref="AuditInputException"/>
    /// on bad YAML and <see cref="InputLimitException"/> on an input beyond a limit.
    /// </summary>
    /// <param name="text">The text (already counted against the budget by whoever read it).</param>
    /// <param name="file">The file name used in locations and errors.</param>
    /// <param name="budget">The run's reading budget.</param>
    /// <param name="lineOffset">Added to every line (for YAML embedded in another file's block scalar).</param>
    public static IReadOnlyList<YNode> ParseDocuments(string text, string file, ReadingBudget budget, int lineOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(budget);

        // The YAML tools print is read by the fast reader; anything else, and every error, by YamlDotNet.
        return PrintedYamlReader.TryRead(text, file, budget, lineOffset) ?? ParseWithYamlDotNet(text, file, budget, lineOffset);
    }

    /// <summary>Parses with YamlDotNet, whatever the text (the readers' reference in the differential tests).</summary>
    internal static IReadOnlyList<YNode> ParseWithYamlDotNet(string text, string file, ReadingBudget budget, int lineOffset = 0)
    {
        var documents = new List<YNode>();
        try
        {
            var parser = budget.OpenYaml(text, file, lineOffset);
            var reader = new TreeReader(file, lineOffset);
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                reader.Anchors.Clear();
                documents.Add(parser.Accept<DocumentEnd>(out _) ? new YScalar(new SourceLocation(file, lineOffset + 1), "", isNull: true) : ReadNode(parser, reader));
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + lineOffset;
            throw new AuditInputException(file, $"line {line.ToString(CultureInfo.InvariantCulture)}: not valid YAML ({FirstLine(e.Message)})",
                "Fix the YAML syntax (check indentation and quoting), or leave this file out.");
        }

        return documents;
    }

    private static string FirstLine(string message)
    {
        var index = message.IndexOf('\n', StringComparison.Ordinal);
        return index < 0 ? message.Trim() : message[..index].Trim();
    }

    private static YNode ReadNode(IParser parser, TreeReader reader)
    {
        var current = parser.Current!;
        var location = reader.At((int)current.Start.Line);
        var anchors = reader.Anchors;
        YNode node;
        string? anchor = null;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target) ? target.Clone() : new YScalar(location, "", isNull: true);
            case Scalar scalar:
                parser.MoveNext();
                var text = scalar.Value ?? "";
                var isNull = scalar.Style == ScalarStyle.Plain && (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL");
                node = new YScalar(location, text, isNull, scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded);
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                break;
            case SequenceStart sequenceStart:
                parser.MoveNext();
                var seq = new YSeq(location);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    seq.Children.Add(ReadNode(parser, reader));
                }

                node = seq;
                anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
                break;
            case MappingStart mappingStart:
                parser.MoveNext();
                var map = new YMap(location);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    // A plain key is read as its text alone: no node is kept for it, so none is made.
                    string key;
                    if (parser.Current is Scalar { Anchor.IsEmpty: true } keyScalar)
                    {
                        parser.MoveNext();
                        key = keyScalar.Value ?? "";
                    }
                    else
                    {
                        key = ReadNode(parser, reader) is YScalar k ? k.Value : "";
                    }

                    map.Add(key, ReadNode(parser, reader));
                }

                node = map;
                anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
                break;
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    /// <summary>What reading one text needs: its name, the lines it is offset by, the anchors of the current document.</summary>
    private sealed class TreeReader(string file, int lineOffset)
    {
        private SourceLocation? last;

        public Dictionary<string, YNode> Anchors { get; } = new(StringComparer.Ordinal);

        /// <summary>The location of a line; the values of one line share one (locations never change once read).</summary>
        public SourceLocation At(int line)
        {
            line += lineOffset;
            return last is { } known && known.Line == line ? known : last = new SourceLocation(file, line);
        }
    }

    /// <summary>
    /// The first difference between two trees (kind, line, file, keys in order, scalar text and flags), or null when
    /// they are the same: how the fast reader is held to YamlDotNet by the tests and the differential fuzzer.
    /// </summary>
    internal static string? FirstDifference(YNode expected, YNode actual, string path = "")
    {
        if (expected.GetType() != actual.GetType())
        {
            return $"{path}: {expected.GetType().Name} vs {actual.GetType().Name}";
        }

        if (expected.Location.Line != actual.Location.Line || expected.Location.File != actual.Location.File)
        {
            return $"{path}: at {expected.Location} vs {actual.Location}";
        }

        switch (expected)
        {
            case YScalar s when actual is YScalar a:
                return s.Value == a.Value && s.IsNull == a.IsNull && s.IsBlock == a.IsBlock ? null
                    : $"{path}: '{Escape(s.Value)}' (null {s.IsNull}, block {s.IsBlock}) vs '{Escape(a.Value)}' (null {a.IsNull}, block {a.IsBlock})";
            case YSeq q when actual is YSeq b:
                if (q.Children.Count != b.Children.Count)
                {
                    return $"{path}: {q.Children.Count} items vs {b.Children.Count}";
                }

                for (var i = 0; i < q.Children.Count; i++)
                {
                    if (FirstDifference(q.Children[i], b.Children[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case YMap m when actual is YMap c:
                if (!m.Entries.Select(e => e.Key).SequenceEqual(c.Entries.Select(e => e.Key), StringComparer.Ordinal))
                {
                    return $"{path}: keys [{string.Join(", ", m.Entries.Select(e => e.Key))}] vs [{string.Join(", ", c.Entries.Select(e => e.Key))}]";
                }

                for (var i = 0; i < m.Entries.Count; i++)
                {
                    if (FirstDifference(m.Entries[i].Value, c.Entries[i].Value, $"{path}.{m.Entries[i].Key}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return null;
        }

        static string Escape(string value) => value.Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// Parses a YAML string held in a scalar (a ConfigMap entry such as <c>workflowDefaults: |</c>), keeping the lines
    /// of the outer file. Returns null for an empty scalar; throws <see cref="AuditInputException"/> on bad YAML and
    /// <see cref="InputLimitException"/> (naming the outer file) when the string's YAML is beyond a limit.
    /// </summary>
    public static YNode? ParseEmbedded(YNode scalar, ReadingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (scalar is not YScalar { IsNull: false } s)
        {
            return scalar is YScalar ? null : scalar;
        }

        if (string.IsNullOrWhiteSpace(s.Value))
        {
            return null;
        }

        // Block scalars start on the line after the indicator; plain and quoted ones on the same line.
        var offset = s.Location.Line - 1 + (s.IsBlock ? 1 : 0);
        // The outer file's bytes are counted already; its embedded strings get their own count of values.
        var documents = ParseDocuments(s.Value, s.Location.File, new ReadingBudget(limits), Math.Max(offset, 0));
        return documents.Count == 0 ? null : documents[0];
    }
}
