using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArgoSecure.Input;

/// <summary>
/// YamlDotNet's parser, watched event by event: counts documents, nesting depth and values with aliases expanded, and
/// throws <see cref="InputLimitException"/> as soon as one goes beyond its limit, before any reader builds the
/// values. Every YAML reader of ArgoSecure gets its parser from <see cref="ReadingBudget.OpenYaml"/>.
/// </summary>
internal sealed class LimitedYamlParser : IParser
{
    // Kubernetes reads YAML with go-yaml (sigs.k8s.io/yaml), which refuses a document once more than 100 of its
    // decoded values came from aliases, it has decoded more than 1,000, and the aliased share is above 99 % up to
    // 400,000 values, falling linearly to 10 % at 4,000,000 (decode.go, allowedAliasRatio). The same rule here.
    private const long AliasRatioRangeLow = 400_000;
    private const long AliasRatioRangeHigh = 4_000_000;

    private readonly Parser inner;
    private readonly ReadingBudget budget;
    private readonly string input;
    private readonly int lineOffset;

    // Per document: anchors' sizes and heights, and one frame per open mapping or list.
    private readonly Dictionary<string, (long Size, int Height)> anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> open = new();
    private long documentValues;
    private long aliasedValues;
    private int documents;

    public LimitedYamlParser(TextReader reader, ReadingBudget budget, string input, int lineOffset)
    {
        inner = new Parser(reader);
        this.budget = budget;
        this.input = input;
        this.lineOffset = lineOffset;
    }

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var last = inner.Current?.End ?? Mark.Empty;
        try
        {
            if (!inner.MoveNext())
            {
                return false;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by fuzzing: "a: {\nb" at the end of a
            // file): it is bad YAML like any other, reported where the last good event ended.
            throw new YamlException(last, last, $"the YAML reader stopped after this point ({e.Message})", e);
        }

        switch (inner.Current)
        {
            case DocumentStart start:
                documents++;
                if (documents > budget.Limits.MaxDocuments)
                {
                    throw Refuse(start, "documents", $"more than {Count(budget.Limits.MaxDocuments)} YAML documents (the documents limit).",
                        ReadingLimits.Options.Documents, "documents in one file");
                }

                anchors.Clear();
                open.Clear();
                documentValues = 0;
                aliasedValues = 0;
                break;
            case Scalar scalar:
                Add(scalar, 1, 0, aliased: false);
                if (!scalar.Anchor.IsEmpty)
                {
                    anchors[scalar.Anchor.Value] = (1, 0);
                }

                break;
            case SequenceStart sequence:
                Open(sequence, sequence.Anchor, isMapping: false);
                break;
            case MappingStart mapping:
                Open(mapping, mapping.Anchor, isMapping: true);
                break;
            // YamlDotNet emits unbalanced events for some malformed input (found by fuzzing: " : 0" ends a mapping
            // after a key, another input ends a mapping with a SequenceEnd), and its own document loader then fails
            // with an ArgumentException: bad YAML, said as such for every reader.
            case MappingEnd end when open.TryPeek(out var frame) && frame.IsMapping && frame.Children % 2 == 1:
                throw new YamlException(end.Start, end.End, "a mapping key has no value");
            case SequenceEnd or MappingEnd when !open.TryPeek(out var frame) || frame.IsMapping != inner.Current is MappingEnd:
                throw new YamlException(inner.Current.Start, inner.Current.End, "a mapping or list ends where none is open");
            case SequenceEnd or MappingEnd:
                Close();
                break;
            case AnchorAlias alias:
                // An alias to an anchor not yet complete (or unknown) is read as one value.
                var (size, height) = anchors.TryGetValue(alias.Value.Value, out var known) ? known : (1, 0);
                Add(alias, size, height, aliased: true);
                break;
        }

        return true;
    }

    private void Open(ParsingEvent start, AnchorName anchor, bool isMapping)
    {
        Add(start, 1, 1, aliased: false, inParent: false);
        if (open.TryPeek(out var parent))
        {
            parent.Children++;
        }

        open.Push(new Frame(anchor.IsEmpty ? null : anchor.Value, isMapping));
    }

    private void Close()
    {
        if (open.Count == 0)
        {
            return;
        }

        var frame = open.Pop();
        if (frame.Anchor is not null)
        {
            anchors[frame.Anchor] = (frame.Size, frame.Height);
        }

        if (open.TryPeek(out var parent))
        {
            parent.Size += frame.Size;
            parent.Height = Math.Max(parent.Height, frame.Height + 1);
        }
    }

    private void Add(ParsingEvent at, long size, int height, bool aliased, bool inParent = true)
    {
        var depth = open.Count + height;
        if (depth > budget.Limits.MaxDepth)
        {
            throw Refuse(at, "nesting depth", $"mappings and lists nest deeper than {Count(budget.Limits.MaxDepth)} levels{(aliased ? " once its aliases are expanded" : "")} (the nesting-depth limit).",
                ReadingLimits.Options.Depth, $"levels (at most {ReadingLimits.DepthCeiling})");
        }

        documentValues += size;
        if (aliased)
        {
            aliasedValues += size;
            if (aliasedValues > 100 && documentValues > 1000 && aliasedValues / (double)documentValues > AllowedAliasRatio(documentValues))
            {
                throw new InputLimitException(Where(at), "alias expansion",
                    $"its aliases expand document {documents} to {Count(documentValues)} YAML values, {Count(aliasedValues)} of them copies; " +
                    "Kubernetes' YAML reader refuses the same document (at most 99 % of a document's values may come from aliases up to 400,000 values, falling to 10 % at 4,000,000).",
                    "Write the values out instead of aliasing them. No option raises this limit: Kubernetes would refuse the document too.");
            }
        }

        budget.AddNodes(size, () => Refuse(at, "YAML values", $"more than {Count(budget.Limits.MaxNodes)} YAML values (mappings, lists and scalars, aliases expanded) in all inputs (the YAML-values limit).",
            ReadingLimits.Options.Nodes, "values"));
        if (inParent && open.TryPeek(out var parent))
        {
            parent.Size += size;
            parent.Height = Math.Max(parent.Height, height + 1);
            parent.Children++;
        }
    }

    private static double AllowedAliasRatio(long values) => values switch
    {
        <= AliasRatioRangeLow => 0.99,
        >= AliasRatioRangeHigh => 0.10,
        _ => 0.99 - (0.89 * (values - AliasRatioRangeLow) / (AliasRatioRangeHigh - AliasRatioRangeLow)),
    };

    private string Where(ParsingEvent at) => $"{input}:{((int)at.Start.Line + lineOffset).ToString(CultureInfo.InvariantCulture)}";

    private InputLimitException Refuse(ParsingEvent at, string limit, string reason, string option, string unit) =>
        new(Where(at), limit, reason, $"If the input is honest, raise the limit with {option} N ({unit}).");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private sealed class Frame(string? anchor, bool isMapping)
    {
        public string? Anchor { get; } = anchor;

        public bool IsMapping { get; } = isMapping;

        public int Children { get; set; }

        public long Size { get; set; } = 1;

        public int Height { get; set; } = 1;
    }
}
