using System.Buffers;
using ArgoSecure.Input;

namespace ArgoSecure.Audit;

/// <summary>
/// A fast reader for the YAML that tools print: <c>kubectl get -o yaml</c>, <c>kustomize build</c>, <c>helm
/// template</c>, the renderer, and JSON. It reads block mappings and lists, flow mappings and lists, plain, quoted and
/// literal (<c>|</c>) scalars and comments into the same <see cref="YNode"/> trees, with the same lines, as YamlDotNet
/// gives <see cref="YamlTree"/>. On anything else (anchors, aliases, tags, directives, folded or multi-line scalars,
/// tabs or CR line breaks, YAML errors, an input at a reading limit) it gives up and YamlDotNet reads the text: every
/// error message and every limit refusal still comes from one place. Differential tests hold both readers to the
/// same trees.
/// </summary>
internal sealed class PrintedYamlReader
{
    // Where a plain scalar inside a flow collection may end, or leaves the printed subset.
    private static readonly SearchValues<char> FlowPlainStops = SearchValues.Create(",[]{}:#\t");

    // What a plain key may not hold: a comment (' #'), YamlDotNet's ' *', a tab.
    private static readonly SearchValues<char> KeyStops = SearchValues.Create("#*\t");

    private readonly string text;
    private readonly string file;
    private readonly int lineOffset;
    private readonly ReadingLimits limits;
    private readonly long nodesBefore;

    // The entries and items of the collections being read, innermost last: each collection is made at its end with
    // room for exactly what it holds (the trees stay in memory for the whole audit).
    private readonly List<KeyValuePair<string, YNode>> pendingEntries = [];
    private readonly List<YNode> pendingItems = [];

    [ThreadStatic]
    private static string?[]? interned;

    private int pos;
    private int line = 1;
    private int lineStart;
    private int lineEnd;
    private int lineEndOf = -1;
    private long nodes;
    private int depth;
    private int documents;

    private PrintedYamlReader(string text, string file, ReadingBudget budget, int lineOffset)
    {
        this.text = text;
        this.file = file;
        this.lineOffset = lineOffset;
        limits = budget.Limits;
        nodesBefore = budget.NodesRead;
    }

    /// <summary>
    /// Reads every document of <paramref name="text"/> and counts its values against the budget, or returns null
    /// (nothing counted) when the text is not in the printed subset and YamlDotNet must read it.
    /// </summary>
    public static List<YNode>? TryRead(string text, string file, ReadingBudget budget, int lineOffset)
    {
        if (!OnlyPlainCharacters(text))
        {
            return null;
        }

        var reader = new PrintedYamlReader(text, file, budget, lineOffset);
        List<YNode> read;
        try
        {
            read = reader.ReadStream();
        }
        catch (NotPrintedYamlException)
        {
            return null;
        }

        // Cannot be refused: every value was checked against the limit as it was read.
        budget.AddNodes(reader.nodes, () => new InputLimitException(file, "YAML values", "unreachable", "unreachable"));
        return read;
    }

    // Printable ASCII, tabs, line feeds, and the printable BMP characters that are not YAML 1.1 line breaks (U+0085,
    // U+2028, U+2029) nor surrogates: anything else (CR, a byte order mark, control characters) is left to YamlDotNet.
    private static bool OnlyPlainCharacters(string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAnyExceptInRange(' ', '~');
            if (i < 0)
            {
                return true;
            }

            var c = rest[i];
            var plain = c is '\n' or '\t' || (c >= '\u00A0' && c <= '\uD7FF' && c is not ('\u2028' or '\u2029')) || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF');
            if (!plain)
            {
                return false;
            }

            rest = rest[(i + 1)..];
        }
    }

    private List<YNode> ReadStream()
    {
        var read = new List<YNode>();
        SkipBlankLines();
        while (pos < text.Length)
        {
            if (AtMarker('-'))
            {
                // '---' alone on its line (or before a comment): content after it is left to YamlDotNet.
                pos += 3;
                SkipSpaces();
                if (!AtLineEnd())
                {
                    throw new NotPrintedYamlException();
                }

                EndLine();
            }
            else if (read.Count > 0 || AtMarker('.'))
            {
                // A second document without '---', or a document end marker: left to YamlDotNet.
                throw new NotPrintedYamlException();
            }

            if (++documents > limits.MaxDocuments)
            {
                throw new NotPrintedYamlException();
            }

            SkipBlankLines();
            if (pos >= text.Length || AtMarker('-'))
            {
                read.Add(EmptyDocument());
                continue;
            }

            read.Add(ReadBlockNode(-1));
            SkipBlankLines();
        }

        return read;
    }

    // ---- block context -------------------------------------------------------------------------------------------

    /// <summary>A node starting at the current position, the first on its line, indented more than its owner.</summary>
    private YNode ReadBlockNode(int ownerIndent)
    {
        if (AtSequenceItem())
        {
            return ReadSequence(Column);
        }

        if (AtKey())
        {
            return ReadMapping(Column);
        }

        if (ownerIndent < 0 && text[pos] is not ('{' or '[' or '"' or '\''))
        {
            // A plain or block scalar as a whole document may run over lines: left to YamlDotNet.
            throw new NotPrintedYamlException();
        }

        return ReadScalarOrFlow(ownerIndent);
    }

    private YMap ReadMapping(int indent)
    {
        Open();
        var location = Here();
        var first = pendingEntries.Count;
        while (true)
        {
            // An entry at the mapping's indentation that is not a key ('x' alone, '"a" b'): a YAML error.
            if (!AtKey())
            {
                throw new NotPrintedYamlException();
            }

            var key = ReadKey();
            pendingEntries.Add(new(key, ReadValue(indent, inSequenceItem: false)));
            if (!NextEntry(indent) || AtSequenceItem())
            {
                break;
            }
        }

        depth--;
        return MakeMap(location, first);
    }

    private YSeq ReadSequence(int indent)
    {
        Open();
        var location = Here();
        var first = pendingItems.Count;
        while (true)
        {
            pos++;
            pendingItems.Add(ReadValue(indent, inSequenceItem: true));
            if (!NextEntry(indent) || !AtSequenceItem())
            {
                break;
            }
        }

        depth--;
        return MakeSeq(location, first);
    }

    private YMap MakeMap(int location, int first)
    {
        var map = new YMap(file, location, pendingEntries.Count - first);
        for (var i = first; i < pendingEntries.Count; i++)
        {
            // A repeated key replaces the earlier value, as when reading with YamlDotNet.
            map.Add(pendingEntries[i].Key, pendingEntries[i].Value);
        }

        pendingEntries.RemoveRange(first, pendingEntries.Count - first);
        return map;
    }

    private YSeq MakeSeq(int location, int first)
    {
        var seq = new YSeq(file, location, pendingItems.Count - first);
        for (var i = first; i < pendingItems.Count; i++)
        {
            seq.Children.Add(pendingItems[i]);
        }

        pendingItems.RemoveRange(first, pendingItems.Count - first);
        return seq;
    }

    /// <summary>
    /// Moves to the next entry of a collection indented <paramref name="indent"/>: true when the next content line is
    /// at that indentation, false when the collection has ended (a line less indented, a document marker, the end).
    /// </summary>
    private bool NextEntry(int indent)
    {
        SkipBlankLines();
        if (pos >= text.Length || AtMarker('-') || AtMarker('.'))
        {
            return false;
        }

        var column = Column;
        if (column > indent)
        {
            // More indented than the entries: a plain scalar running over lines, or a YAML error.
            throw new NotPrintedYamlException();
        }

        return column == indent;
    }

    /// <summary>The value after a key's <c>:</c> or a list item's <c>-</c>, on the same line or the lines below.</summary>
    private YNode ReadValue(int ownerIndent, bool inSequenceItem)
    {
        SkipSpaces();
        if (AtLineEnd())
        {
            // An empty value sits on the line of its ':' or '-', where YamlDotNet places it.
            var indicatorLine = line;
            EndLine();
            SkipBlankLines();
            if (pos >= text.Length || AtMarker('-') || AtMarker('.'))
            {
                return Empty(indicatorLine);
            }

            var column = Column;
            if (column > ownerIndent)
            {
                return ReadBlockNode(ownerIndent);
            }

            // A list under a key may sit at the key's own indentation (kubectl prints it so).
            return column == ownerIndent && !inSequenceItem && AtSequenceItem() ? ReadSequence(column) : Empty(indicatorLine);
        }

        if (AtSequenceItem())
        {
            return inSequenceItem ? ReadSequence(Column) : throw new NotPrintedYamlException();
        }

        if (AtKey())
        {
            // '- name: x' opens a mapping inside the list item; 'a: b: c' is an error.
            return inSequenceItem ? ReadMapping(Column) : throw new NotPrintedYamlException();
        }

        return ReadScalarOrFlow(ownerIndent);
    }

    private string ReadKey()
    {
        Count();
        string key;
        if (text[pos] is '"' or '\'')
        {
            key = text[pos] == '"' ? ReadDoubleQuoted(null) : ReadSingleQuoted(null);
        }
        else
        {
            var end = PlainKeyEnd(pos) ?? throw new NotPrintedYamlException();
            key = Intern(text.AsSpan(pos, end - pos).TrimEnd(' '));
            pos = end;
        }

        // AtKey has checked that ':' follows, then a space or the line end.
        pos++;
        return key;
    }

    private YNode ReadScalarOrFlow(int ownerIndent)
    {
        YNode node;
        switch (text[pos])
        {
            case '|' or '>':
                return ReadBlockScalar(ownerIndent);
            case '"':
                Count();
                node = new YScalar(file, Here(), ReadDoubleQuoted(ownerIndent));
                break;
            case '\'':
                Count();
                node = new YScalar(file, Here(), ReadSingleQuoted(ownerIndent));
                break;
            case '{':
                node = ReadFlowMapping(ownerIndent);
                break;
            case '[':
                node = ReadFlowSequence(ownerIndent);
                break;
            default:
                return ReadPlain(ownerIndent);
        }

        SkipSpaces();
        if (!AtLineEnd())
        {
            throw new NotPrintedYamlException();
        }

        EndLine();
        return node;
    }

    /// <summary>
    /// A plain scalar in a block: its first line, then the lines indented deeper than its owner that continue it (Go's
    /// YAML printer, and so kubectl, wraps long strings so), folded as YAML folds them: one line break is a space, each
    /// blank line a line break.
    /// </summary>
    private YScalar ReadPlain(int ownerIndent)
    {
        if (!CanStartPlain(pos, flow: false))
        {
            throw new NotPrintedYamlException();
        }

        Count();
        var location = Here();
        var first = PlainLine(allowComment: true);
        System.Text.StringBuilder? folded = null;
        while (true)
        {
            // Blank lines, then a line deeper than the owner that is neither a comment nor a document marker.
            var next = pos;
            var blank = 0;
            var spaces = SpacesAt(next);
            while (next + spaces < text.Length && text[next + spaces] == '\n')
            {
                blank++;
                next += spaces + 1;
                spaces = SpacesAt(next);
            }

            var at = next + spaces;
            if (at >= text.Length || spaces <= ownerIndent || text[at] == '#' || (spaces == 0 && (AtMarkerAt(next, '-') || AtMarkerAt(next, '.'))))
            {
                break;
            }

            if (first.Comment)
            {
                // A comment ends a plain scalar: a deeper line after it is a YAML error.
                throw new NotPrintedYamlException();
            }

            line += blank;
            lineStart = next;
            pos = at;
            // Any text continues the scalar but a ':' or a list item's '- ' (the tests hold YamlDotNet to the same).
            if (text[pos] is ':' or '\t' || AtSequenceItem() || (text[pos] == '?' && pos + 1 < text.Length && text[pos + 1] is ' ' or '\n'))
            {
                throw new NotPrintedYamlException();
            }

            folded ??= new System.Text.StringBuilder(first.Value);
            folded.Append(blank == 0 ? " " : new string('\n', blank));
            var more = PlainLine(allowComment: false);
            folded.Append(more.Value);
        }

        var value = folded?.ToString() ?? first.Value;
        return new YScalar(file, location, value, folded is null && IsNullText(value));
    }

    /// <summary>One line of a plain scalar from the position: its text without trailing spaces, and whether a comment ends it.</summary>
    private (string Value, bool Comment) PlainLine(bool allowComment)
    {
        var end = LineEnd();
        var comment = text.AsSpan(pos, end - pos).IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0 && !allowComment)
        {
            throw new NotPrintedYamlException();
        }

        var valueEnd = comment < 0 ? end : pos + comment;
        var value = text.AsSpan(pos, valueEnd - pos).TrimEnd(' ');
        if (value.Contains(": ", StringComparison.Ordinal) || value[^1] == ':' || value.Contains('\t'))
        {
            throw new NotPrintedYamlException();
        }

        var read = Intern(value);
        pos = end;
        EndLine();
        return (read, comment >= 0);
    }

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar, clipped or stripped (<c>-</c>); kept trailing lines
    /// (<c>+</c>), an explicit indentation and spaces past the indentation on blank lines are left to YamlDotNet.
    /// </summary>
    private YScalar ReadBlockScalar(int ownerIndent)
    {
        Count();
        var location = Here();
        var folded = text[pos] == '>';
        pos++;
        var strip = false;
        if (pos < text.Length && text[pos] == '-')
        {
            strip = true;
            pos++;
        }

        if (pos < text.Length && text[pos] != ' ' && text[pos] != '\n')
        {
            throw new NotPrintedYamlException();
        }

        SkipSpaces();
        if (!AtLineEnd())
        {
            throw new NotPrintedYamlException();
        }

        EndLine();

        // The content's indentation is that of its first non-blank line; blank lines before it may not be longer.
        var leadingBlankLines = 0;
        var widestBlank = 0;
        var probe = pos;
        int contentIndent;
        while (true)
        {
            if (probe >= text.Length)
            {
                throw new NotPrintedYamlException();
            }

            var spaces = SpacesAt(probe);
            var at = probe + spaces;
            if (at < text.Length && text[at] != '\n')
            {
                contentIndent = spaces;
                break;
            }

            leadingBlankLines++;
            widestBlank = Math.Max(widestBlank, spaces);
            probe = at + 1;
        }

        // Blank lines before the first line of text must be empty: YamlDotNet refuses some with spaces.
        if (contentIndent <= ownerIndent || contentIndent == 0 || widestBlank > 0 || text[probe + contentIndent] == '\t')
        {
            throw new NotPrintedYamlException();
        }

        for (var i = 0; i < leadingBlankLines; i++)
        {
            EndLine();
        }

        // YAML's rule, line by line: a line break between two lines that start with text folds into a space (folded
        // scalars only; none when blank lines stand between), every other break and every blank line is kept.
        var content = new System.Text.StringBuilder();
        var breaks = leadingBlankLines;
        var afterLine = false;
        var lastStartedBlank = false;
        while (pos < text.Length)
        {
            var spaces = SpacesAt(pos);
            var at = pos + spaces;
            if (at >= text.Length || text[at] == '\n')
            {
                if (spaces > contentIndent)
                {
                    // Spaces past the indentation on a blank line are content: rare in printed YAML, left to YamlDotNet.
                    throw new NotPrintedYamlException();
                }

                breaks++;
                pos = at;
                EndLine();
                continue;
            }

            if (spaces < contentIndent)
            {
                if (text[at] == '\t')
                {
                    throw new NotPrintedYamlException();
                }

                break;
            }

            var startsBlank = spaces > contentIndent || text[at] == '\t';
            if (folded && afterLine && !lastStartedBlank && !startsBlank)
            {
                if (breaks == 0)
                {
                    content.Append(' ');
                }
            }
            else if (afterLine)
            {
                content.Append('\n');
            }

            content.Append('\n', breaks);
            breaks = 0;
            lastStartedBlank = startsBlank;
            var end = LineEnd();
            content.Append(text, pos + contentIndent, end - pos - contentIndent);
            afterLine = true;
            pos = end;
            EndLine();
        }

        if (!strip)
        {
            content.Append('\n');
        }

        return new YScalar(file, location, content.ToString(), isNull: false, isBlock: true);
    }

    // ---- flow context --------------------------------------------------------------------------------------------

    private YMap ReadFlowMapping(int ownerIndent)
    {
        Open();
        var location = Here();
        var first = pendingEntries.Count;
        pos++;
        SkipFlowSpace(ownerIndent);
        if (text[pos] == '}')
        {
            pos++;
            depth--;
            return MakeMap(location, first);
        }

        while (true)
        {
            Count();
            string key;
            if (text[pos] is '"' or '\'')
            {
                key = text[pos] == '"' ? ReadDoubleQuoted(null) : ReadSingleQuoted(null);
                SkipFlowSpace(ownerIndent);
                if (text[pos] != ':')
                {
                    throw new NotPrintedYamlException();
                }

                pos++;
            }
            else
            {
                key = ReadFlowPlainText();
                if (pos >= text.Length || text[pos] != ':' || pos + 1 >= text.Length || text[pos + 1] is not (' ' or '\n'))
                {
                    throw new NotPrintedYamlException();
                }

                pos++;
            }

            SkipFlowSpace(ownerIndent);
            if (text[pos] is ',' or '}')
            {
                throw new NotPrintedYamlException();
            }

            pendingEntries.Add(new(key, ReadFlowNode(ownerIndent)));
            SkipFlowSpace(ownerIndent);
            if (text[pos] == '}')
            {
                pos++;
                break;
            }

            ExpectFlowComma(ownerIndent, '}');
        }

        depth--;
        return MakeMap(location, first);
    }

    private YSeq ReadFlowSequence(int ownerIndent)
    {
        Open();
        var location = Here();
        var first = pendingItems.Count;
        pos++;
        SkipFlowSpace(ownerIndent);
        if (text[pos] == ']')
        {
            pos++;
            depth--;
            return MakeSeq(location, first);
        }

        while (true)
        {
            pendingItems.Add(ReadFlowNode(ownerIndent));
            SkipFlowSpace(ownerIndent);
            if (text[pos] == ']')
            {
                pos++;
                break;
            }

            ExpectFlowComma(ownerIndent, ']');
        }

        depth--;
        return MakeSeq(location, first);
    }

    private void ExpectFlowComma(int ownerIndent, char close)
    {
        // Anything but ',' here ('a: b' pairs in lists, plain scalars over lines, a missing comma) is left to YamlDotNet,
        // and so is a trailing comma before the closing bracket.
        if (text[pos] != ',')
        {
            throw new NotPrintedYamlException();
        }

        pos++;
        SkipFlowSpace(ownerIndent);
        if (text[pos] == close)
        {
            throw new NotPrintedYamlException();
        }
    }

    private YNode ReadFlowNode(int ownerIndent)
    {
        switch (text[pos])
        {
            case '{':
                return ReadFlowMapping(ownerIndent);
            case '[':
                return ReadFlowSequence(ownerIndent);
            case '"':
                Count();
                return new YScalar(file, Here(), ReadDoubleQuoted(ownerIndent));
            case '\'':
                Count();
                return new YScalar(file, Here(), ReadSingleQuoted(ownerIndent));
            default:
                Count();
                var location = Here();
                var value = ReadFlowPlainText();
                return new YScalar(file, location, value, IsNullText(value));
        }
    }

    /// <summary>A plain scalar in a flow collection, up to a flow indicator, a ':', a comment or the line end.</summary>
    private string ReadFlowPlainText()
    {
        if (!CanStartPlain(pos, flow: true))
        {
            throw new NotPrintedYamlException();
        }

        var start = pos;
        var end = text.AsSpan(pos, LineEnd() - pos).IndexOfAny(FlowPlainStops);
        end = end < 0 ? LineEnd() : pos + end;
        if (end < text.Length && (text[end] is '[' or '{' or '\t' || (text[end] == '#' && text[end - 1] != ' ')))
        {
            throw new NotPrintedYamlException();
        }

        // A ':' followed by text belongs to the scalar ('https://x'); one followed by a flow indicator is left to YamlDotNet.
        while (end < text.Length && text[end] == ':' && end + 1 < text.Length && text[end + 1] is not (' ' or '\n'))
        {
            if (text[end + 1] is ',' or '[' or ']' or '{' or '}' or '\t')
            {
                throw new NotPrintedYamlException();
            }

            var rest = text.AsSpan(end + 1, LineEnd() - end - 1).IndexOfAny(FlowPlainStops);
            end = rest < 0 ? LineEnd() : end + 1 + rest;
            if (end < text.Length && (text[end] is '[' or '{' or '\t' || (text[end] == '#' && text[end - 1] != ' ')))
            {
                throw new NotPrintedYamlException();
            }
        }

        pos = end;
        var value = text.AsSpan(start, end - start).TrimEnd(' ');
        return value.IsEmpty ? throw new NotPrintedYamlException() : Intern(value);
    }

    /// <summary>Skips spaces, line breaks and comments inside a flow collection; its lines must stay inside the owner.</summary>
    private void SkipFlowSpace(int ownerIndent)
    {
        while (true)
        {
            if (pos >= text.Length)
            {
                throw new NotPrintedYamlException();
            }

            switch (text[pos])
            {
                case ' ':
                    pos++;
                    break;
                case '\n':
                    pos++;
                    line++;
                    lineStart = pos;
                    var spaces = SpacesAt(pos);
                    if (pos + spaces < text.Length && text[pos + spaces] != '\n' && (spaces <= ownerIndent || AtMarker('-') || AtMarker('.')))
                    {
                        throw new NotPrintedYamlException();
                    }

                    break;
                case '#' when pos == lineStart || text[pos - 1] == ' ':
                    pos = LineEnd();
                    break;
                case '\t':
                    throw new NotPrintedYamlException();
                default:
                    return;
            }
        }
    }

    // ---- scalars -------------------------------------------------------------------------------------------------

    /// <summary>
    /// A double-quoted scalar. With an owner indentation it may run over lines deeper than the owner, folded as YAML
    /// folds quoted scalars (Go's YAML printer wraps long strings so); without one (keys) it must close on its line.
    /// </summary>
    private string ReadDoubleQuoted(int? ownerIndent)
    {
        var start = pos + 1;
        var end = LineEnd();
        var stop = text.AsSpan(start, end - start).IndexOfAny('"', '\\');
        if (stop >= 0 && text[start + stop] == '"')
        {
            pos = start + stop + 1;
            return Intern(text.AsSpan(start, stop));
        }

        var value = new System.Text.StringBuilder();
        var i = start;

        // Escaped characters are never trimmed as trailing white space of a line.
        var kept = 0;
        while (true)
        {
            if (i >= end)
            {
                i = FoldQuotedBreak(value, kept, end, ownerIndent);
                end = text.IndexOf('\n', i) is var next and >= 0 ? next : text.Length;
                continue;
            }

            var c = text[i];
            if (c == '"')
            {
                pos = i + 1;
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end)
            {
                // An escaped line break: left to YamlDotNet.
                throw new NotPrintedYamlException();
            }

            var escaped = text[i + 1];
            i += 2;
            switch (escaped)
            {
                case '0': value.Append('\0'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 't' or '\t': value.Append('\t'); break;
                case 'n': value.Append('\n'); break;
                case 'v': value.Append('\v'); break;
                case 'f': value.Append('\f'); break;
                case 'r': value.Append('\r'); break;
                case 'e': value.Append('\x1B'); break;
                case ' ' or '"' or '/' or '\\': value.Append(escaped); break;
                case 'N': value.Append('\u0085'); break;
                case '_': value.Append('\u00A0'); break;
                case 'L': value.Append('\u2028'); break;
                case 'P': value.Append('\u2029'); break;
                case 'x': value.Append(Hex(ref i, 2, end)); break;
                case 'u': value.Append(Hex(ref i, 4, end)); break;
                default: throw new NotPrintedYamlException();
            }

            kept = value.Length;
        }
    }

    private char Hex(ref int i, int digits, int end)
    {
        if (i + digits > end || !int.TryParse(text.AsSpan(i, digits), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            throw new NotPrintedYamlException();
        }

        i += digits;
        var c = (char)code;
        return char.IsSurrogate(c) ? throw new NotPrintedYamlException() : c;
    }

    /// <summary>A single-quoted scalar (<c>''</c> is a quote), over lines as <see cref="ReadDoubleQuoted"/>.</summary>
    private string ReadSingleQuoted(int? ownerIndent)
    {
        var start = pos + 1;
        var end = LineEnd();
        var value = new System.Text.StringBuilder();
        var i = start;
        while (true)
        {
            var quote = text.AsSpan(i, end - i).IndexOf('\'');
            if (quote < 0)
            {
                value.Append(text, i, end - i);
                i = FoldQuotedBreak(value, 0, end, ownerIndent);
                end = text.IndexOf('\n', i) is var next and >= 0 ? next : text.Length;
                continue;
            }

            value.Append(text, i, quote);
            i += quote + 1;
            if (i < end && text[i] == '\'')
            {
                value.Append('\'');
                i++;
                continue;
            }

            pos = i;
            return value.ToString();
        }
    }

    /// <summary>
    /// At the end of a line inside a quoted scalar: trims the line's trailing spaces (not past <paramref name="kept"/>),
    /// skips blank lines and the next line's indentation, and adds a space for a single break or one line break per
    /// blank line. Returns where the next line's text starts.
    /// </summary>
    private int FoldQuotedBreak(System.Text.StringBuilder value, int kept, int end, int? ownerIndent)
    {
        if (ownerIndent is not { } owner || end >= text.Length)
        {
            throw new NotPrintedYamlException();
        }

        var trimmed = value.Length;
        while (trimmed > kept && value[trimmed - 1] == ' ')
        {
            trimmed--;
        }

        if (trimmed > kept && value[trimmed - 1] == '\t')
        {
            throw new NotPrintedYamlException();
        }

        value.Length = trimmed;
        var blank = 0;
        var i = end;
        while (true)
        {
            i++;
            line++;
            lineStart = i;
            var spaces = SpacesAt(i);
            var at = i + spaces;
            if (at >= text.Length || text[at] == '\t')
            {
                throw new NotPrintedYamlException();
            }

            if (text[at] == '\n')
            {
                blank++;
                i = at;
                continue;
            }

            if (spaces <= owner || (spaces == 0 && (AtMarkerAt(i, '-') || AtMarkerAt(i, '.'))))
            {
                throw new NotPrintedYamlException();
            }

            value.Append(blank == 0 ? " " : new string('\n', blank));
            return at;
        }
    }

    private static bool IsNullText(ReadOnlySpan<char> value) =>
        value.IsEmpty || value is "~" or "null" or "Null" or "NULL";

    // ---- lines ---------------------------------------------------------------------------------------------------

    private int Column => pos - lineStart;

    /// <summary>Where the current line ends (its line break, or the end of the text); searched once per line.</summary>
    private int LineEnd()
    {
        if (lineEndOf != lineStart)
        {
            var end = text.IndexOf('\n', lineStart);
            lineEnd = end < 0 ? text.Length : end;
            lineEndOf = lineStart;
        }

        return lineEnd;
    }

    /// <summary>Moves past the line break ending the current line (the rest of the line must be read already).</summary>
    private void EndLine()
    {
        pos = LineEnd();
        if (pos < text.Length)
        {
            pos++;
            line++;
            lineStart = pos;
        }
    }

    /// <summary>Skips blank and comment lines up to the first non-space character of the next content line.</summary>
    private void SkipBlankLines()
    {
        while (pos < text.Length)
        {
            var spaces = SpacesAt(pos);
            var at = pos + spaces;
            if (at >= text.Length)
            {
                pos = at;
                return;
            }

            switch (text[at])
            {
                case '\n':
                    pos = at;
                    EndLine();
                    break;
                case '#':
                    pos = at;
                    EndLine();
                    break;
                case '\t':
                    throw new NotPrintedYamlException();
                default:
                    pos = at;
                    return;
            }
        }
    }

    private int SpacesAt(int at)
    {
        var spaces = text.AsSpan(at).IndexOfAnyExcept(' ');
        return spaces < 0 ? text.Length - at : spaces;
    }

    private void SkipSpaces()
    {
        pos += SpacesAt(pos);
        if (pos < text.Length && text[pos] == '\t')
        {
            throw new NotPrintedYamlException();
        }
    }

    /// <summary>At the line end or a comment (the position follows a space or starts the line).</summary>
    private bool AtLineEnd() => pos >= text.Length || text[pos] == '\n' || (text[pos] == '#' && (pos == lineStart || text[pos - 1] == ' '));

    /// <summary>A document marker, <c>---</c> or <c>...</c>, at the start of the line.</summary>
    private bool AtMarker(char c) => pos == lineStart && AtMarkerAt(pos, c);

    private bool AtMarkerAt(int at, char c) =>
        at + 2 < text.Length && text[at] == c && text[at + 1] == c && text[at + 2] == c && (at + 3 >= text.Length || text[at + 3] is ' ' or '\t' or '\n');

    private bool AtSequenceItem() => text[pos] == '-' && (pos + 1 >= text.Length || text[pos + 1] is ' ' or '\n');

    /// <summary>True when the line from here is an implicit key: a plain or quoted scalar, then ':' and a space or the line end.</summary>
    private bool AtKey()
    {
        int afterKey;
        var c = text[pos];
        if (c is '"' or '\'')
        {
            var end = LineEnd();
            var i = pos + 1;
            while (true)
            {
                var stop = i >= end ? -1 : c == '"' ? text.AsSpan(i, end - i).IndexOfAny('"', '\\') : text.AsSpan(i, end - i).IndexOf('\'');
                if (stop < 0)
                {
                    return false;
                }

                i += stop;
                if (text[i] == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '\'' && i + 1 < end && text[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }

                afterKey = i + 1;
                break;
            }

            if (afterKey >= text.Length || text[afterKey] != ':')
            {
                return false;
            }
        }
        else
        {
            if (PlainKeyEnd(pos) is not { } end)
            {
                return false;
            }

            afterKey = end;
        }

        return afterKey + 1 >= text.Length || text[afterKey + 1] is ' ' or '\n';
    }

    /// <summary>Where the ':' ending a plain key on this line is, or null when the line holds no plain key.</summary>
    private int? PlainKeyEnd(int start)
    {
        if (!CanStartPlain(start, flow: false))
        {
            return null;
        }

        var end = LineEnd();
        var i = start;
        while (true)
        {
            var colon = text.AsSpan(i, end - i).IndexOf(':');
            if (colon < 0)
            {
                return null;
            }

            i += colon;
            if (i + 1 >= text.Length || text[i + 1] is ' ' or '\n')
            {
                var key = text.AsSpan(start, i - start);
                // A comment before the ':' or a tab in the key: not the printed subset. Long keys are not implicit keys.
                // After ' *' YamlDotNet no longer ends a plain scalar at ': ' ('a *b: 1' is one scalar to it).
                if (key.Length > 1024 || (key.IndexOfAny(KeyStops) >= 0 && !IsPlainKey(key)))
                {
                    throw new NotPrintedYamlException();
                }

                return i;
            }

            i++;
        }
    }

    /// <summary>A key holding '#' or '*' is plain only where neither follows a space; a tab it may not hold.</summary>
    private static bool IsPlainKey(ReadOnlySpan<char> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '\t' || (key[i] is '#' or '*' && i > 0 && key[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a plain scalar may start here; indicators that start anything else are left to YamlDotNet.</summary>
    private bool CanStartPlain(int at, bool flow)
    {
        var c = text[at];
        if (c is '-' or '?' or ':')
        {
            // '-1' and '--flag' are plain; '- ' is a list item, '?' and ':' starts are left to YamlDotNet.
            return c == '-' && at + 1 < text.Length && text[at + 1] is not (' ' or '\n' or '\t') && !(flow && text[at + 1] is ',' or '[' or ']' or '{' or '}');
        }

        return c is not (',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\t' or '\n');
    }

    // ---- bookkeeping ---------------------------------------------------------------------------------------------

    /// <summary>
    /// One string for each short text: keys and values repeat across objects (apiVersion, kind, metadata, name, v1), and
    /// a string for each would be most of what reading allocates. A small cache per thread, last one wins per slot.
    /// </summary>
    private static string Intern(ReadOnlySpan<char> value)
    {
        if (value.Length > 48)
        {
            return value.ToString();
        }

        var cache = interned ??= new string?[4096];
        var slot = (int)((uint)string.GetHashCode(value) % (uint)cache.Length);
        if (cache[slot] is { } known && value.SequenceEqual(known))
        {
            return known;
        }

        return cache[slot] = value.ToString();
    }

    /// <summary>The current line as the trees give it (with the offset of YAML embedded in another file).</summary>
    private int Here() => line + lineOffset;

    /// <summary>An empty document: YamlDotNet places it where the next token starts (the next content line, or the end).</summary>
    private YScalar EmptyDocument() => Empty(pos >= text.Length && (text.Length == 0 || text[^1] != '\n') ? line + 1 : line);

    private YScalar Empty(int at)
    {
        Count();
        return new YScalar(file, at + lineOffset, "", isNull: true);
    }

    private void Count()
    {
        if (nodesBefore + ++nodes > limits.MaxNodes)
        {
            throw new NotPrintedYamlException();
        }
    }

    private void Open()
    {
        Count();
        if (++depth > limits.MaxDepth)
        {
            throw new NotPrintedYamlException();
        }
    }

    /// <summary>The text leaves the printed subset: YamlDotNet reads it instead.</summary>
    private sealed class NotPrintedYamlException : Exception
    {
    }
}
