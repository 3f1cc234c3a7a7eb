using System.Text;
using ArgoSecure.Audit;
using ArgoSecure.Benchmarks.Audit;
using ArgoSecure.Input;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;
using CsCheck;
using Xunit.Abstractions;

namespace ArgoSecure.Tests.Input;

/// <summary>
/// The fast reader of printed YAML against YamlDotNet: whenever the fast reader reads a text, YamlDotNet reads it too
/// and to the same trees (kinds, keys in order, values, null and block flags, lines) and the same count of values;
/// whatever the fast reader leaves, YamlDotNet reads alone. Over the upstream files, what ArgoSecure renders, a kubectl
/// dump, the audit benchmark's input, the fuzzing seeds, edge cases, and random edits of all of them.
/// </summary>
public sealed class PrintedYamlReaderTests(ITestOutputHelper output)
{
    private static readonly ReadingLimits Limits = new() { MaxFileBytes = 1L << 30, MaxTotalBytes = 1L << 30, MaxNodes = 100_000_000, MaxDocuments = 1_000_000 };

    /// <summary>Reads with both; returns true when the fast reader read the text.</summary>
    private static bool ReadsAlike(string text, string name = "in.yaml", ReadingLimits? limits = null, int lineOffset = 0)
    {
        limits ??= Limits;
        var fastBudget = new ReadingBudget(limits);
        var fast = PrintedYamlReader.TryRead(text, name, fastBudget, lineOffset);
        var referenceBudget = new ReadingBudget(limits);
        IReadOnlyList<YNode>? reference = null;
        Exception? refused = null;
        try
        {
            reference = YamlTree.ParseWithYamlDotNet(text, name, referenceBudget, lineOffset);
        }
        catch (Exception e) when (e is AuditInputException or InputLimitException)
        {
            refused = e;
        }

        if (fast is null)
        {
            Assert.Equal(0, fastBudget.NodesRead);
            return false;
        }

        Assert.True(refused is null, $"The fast reader read a text YamlDotNet refuses ({refused?.Message}):\n{text}");
        Assert.True(reference!.Count == fast.Count, $"{reference.Count} documents by YamlDotNet, {fast.Count} by the fast reader:\n{text}");
        for (var i = 0; i < fast.Count; i++)
        {
            // The message is built only on a difference: the trees hold tens of thousands of nodes.
            if (YamlTree.FirstDifference(reference[i], fast[i], $"document {i + 1}") is { } difference)
            {
                Assert.Fail($"YamlDotNet vs the fast reader: {difference}, in:\n{text}");
            }
        }

        Assert.Equal(referenceBudget.NodesRead, fastBudget.NodesRead);
        return true;
    }

    /// <summary>Every YAML and JSON file the repository and the upstream folder hold.</summary>
    private static IEnumerable<string> DataFiles()
    {
        var folders = new List<string>
        {
            Path.Combine(Upstream.RepositoryRoot, "tests", "upstream"),
            Path.Combine(Upstream.RepositoryRoot, "samples"),
            Path.Combine(Upstream.RepositoryRoot, "fuzz", "seeds"),
            Path.Combine(Upstream.RepositoryRoot, "fuzz", "regressions"),
        };
        if (Upstream.Root is not null)
        {
            folders.Add(Upstream.Root);
        }

        return folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetDirectoryName(f)!.Contains("fuzz", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static IEnumerable<(string Name, string Text)> Rendered()
    {
        foreach (var sample in new[] { "cluster.yaml", "namespaced.yaml" })
        {
            yield return (sample, ManifestRenderer.Render(Planner.Plan(OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", sample)))));
        }

        foreach (var (name, manifests) in Manifests.Variants())
        {
            yield return (name, manifests.Yaml);
        }
    }

    [Fact]
    public void DataFiles_ReadAlike_AndTheUpstreamInstallsReadFast()
    {
        var fast = new List<string>();
        var left = new List<string>();
        foreach (var file in DataFiles())
        {
            (ReadsAlike(File.ReadAllText(file), file) ? fast : left).Add(Path.GetRelativePath(Upstream.RepositoryRoot, file));
        }

        output.WriteLine($"fast reader: {fast.Count} files; left to YamlDotNet: {left.Count}");
        foreach (var file in left)
        {
            output.WriteLine($"  left: {file}");
        }

        Assert.True(fast.Count > 100, $"only {fast.Count} files read fast");
        // The installs people audit, as upstream publishes them, are printed YAML.
        Assert.Contains(fast, f => f.EndsWith(Path.Combine("v4.1.2", "manifests", "base", "workflow-controller", "workflow-controller-deployment.yaml"), StringComparison.Ordinal));
        Assert.Contains(fast, f => f.EndsWith(Path.Combine("v4.1.2", "manifests", "base", "crds", "minimal", "argoproj.io_workflows.yaml"), StringComparison.Ordinal));
    }

    [Fact]
    public void RenderedInstalls_ReadFast_AndAlike()
    {
        foreach (var (name, text) in Rendered())
        {
            Assert.True(ReadsAlike(text, name), $"{name} was left to YamlDotNet");
        }
    }

    [Fact]
    public void KubectlListDump_ReadsFast_AndAlike()
    {
        var objects = new ManifestLoader().LoadText(ManifestRenderer.Render(Planner.Plan(OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", "cluster.yaml")))), "cluster.yaml");

        Assert.True(ReadsAlike(LiveCluster.Dump(objects)));
    }

    [Theory]
    // Documents, markers and comments.
    [InlineData("", true)]
    [InlineData("# only a comment\n", true)]
    [InlineData("---\n", true)]
    [InlineData("---\n---\n", true)]
    [InlineData("---\n# Source: chart/templates/a.yaml\n---\na: 1\n", true)]
    [InlineData("a: 1\n---\n", true)]
    [InlineData("a: 1\n---", true)]
    [InlineData("--- # first\na: 1\n--- \nb: 2", true)]
    [InlineData("a: 1\n...\n", false)]
    [InlineData("%YAML 1.1\n---\na: 1\n", false)]
    [InlineData("--- a: 1\n", false)]
    [InlineData("a: 1\nb: 2\n\n\n# end\n", true)]
    [InlineData("a: 1 # comment\nb: 'x' # c\nc: \"y\"  # c\nd: [1, 2] # c\n", true)]
    // Empty values, at every place the next token can be.
    [InlineData("a:\nb: 1\n", true)]
    [InlineData("a:\n\n# c\nb: 1\n", true)]
    [InlineData("a:\n", true)]
    [InlineData("a:", true)]
    [InlineData("a:  ", true)]
    [InlineData("x:\n  a:\nb: 1\n", true)]
    [InlineData("x:\n  a:\n---\nb: 1\n", true)]
    [InlineData("- \n- b\n-\n", true)]
    [InlineData("-", true)]
    [InlineData("a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf: ''\ng: \"\"\n", true)]
    // Block collections the ways tools print them.
    [InlineData("a:\n- 1\n- 2\nb:\n  - x\n  - y\nc: 3\n", true)]
    [InlineData("- a: 1\n  b: 2\n- c: 3\n-   d: 4\n    e: 5\n", true)]
    [InlineData("- - a\n  - b\n- - - c\n", true)]
    [InlineData("a:\n  b:\n    c:\n      d: 1\n  e: 2\n", true)]
    [InlineData("  a: 1\n  b: 2\n", true)]
    [InlineData("-\n  a: 1\n", true)]
    [InlineData("a:\n  - b:\n      c: 1\n    d: 2\n", true)]
    [InlineData("a: b: c\n", false)]
    [InlineData("a: - b\n", false)]
    [InlineData("a: 1\n  b: 2\n", false)]
    [InlineData("a:\n  - 1\n  b: 2\n", false)]
    [InlineData("a: 1\n- 2\n", false)]
    [InlineData("- 1\na: 2\n", false)]
    [InlineData("? a\n: b\n", false)]
    [InlineData("a: &x 1\nb: *x\n", false)]
    [InlineData("a: !!str 1\n", false)]
    [InlineData("a:\tb\n", false)]
    [InlineData("a: 1\r\nb: 2\r\n", false)]
    [InlineData("\uFEFFa: 1\n", false)]
    // Plain scalars.
    [InlineData("a: http://x.io/a:b\nb: --flag=1\nc: -1\nd: a#b\ne: a # b\nf: x:y\ng: 'it''s'\n", true)]
    [InlineData("a: hello\n  world\n", true)]
    [InlineData("- hello\n  world\n", true)]
    [InlineData("a:\n  hello\n  world\n", true)]
    [InlineData("a: one\n\n  two\n\n\n   three\nb: 1\n", true)]
    [InlineData("- a: one\n   two\n  b: 1\n", true)]
    [InlineData("a: one  \n  two  \n", true)]
    [InlineData("a: one # c\n  two\n", false)]
    [InlineData("a: one\n  two # c\n", false)]
    [InlineData("a: one\n  two: x\n", false)]
    [InlineData("a: one\n  - two\n", false)]
    [InlineData("a: one\n  \"two\" 'three' `four` [five] {six} -seven *eight &nine !ten |eleven >twelve %13 @14 ,15\nb: 1\n", true)]
    [InlineData("a: one\n  ? two\n", false)]
    [InlineData("a: one\n  :two\n", false)]
    [InlineData("a:\n  hello\nb: 1\n", true)]
    [InlineData("hello\n", false)]
    [InlineData("a: 1\n   # deeper comment\nb: 2\n", true)]
    [InlineData("a: b:\n", false)]
    [InlineData("a: @x\n", false)]
    [InlineData("a b: c d\n\"q k\": v\n'k''s': v\n", true)]
    [InlineData("a:b: c\n", true)]
    [InlineData("k: v\u00e9\u4e2d\n", true)]
    // Quoted scalars.
    [InlineData("a: \"x\\ty\\n\\\"z\\\\ \\u00e9 \\x41 \\/\"\n", true)]
    [InlineData("a: \"\\e\\0\\a\\b\\v\\f\\r\\N\\_\\L\\P\\ \"\n", true)]
    [InlineData("a: \"\\q\"\n", false)]
    [InlineData("a: \"\\U0001F600\"\n", false)]
    [InlineData("a: \"\\ud83d\"\n", false)]
    [InlineData("a: \"two  \n  lines \\t\n\n   three\\ \n  four\"\nb: 1\n", true)]
    [InlineData("a: 'it''s  \n  two\n\n\n  lines  '\nb: 1\n", true)]
    [InlineData("- 'x\n  y'\n- {a: 'p\n    q', b: \"r\n    s\"}\n", true)]
    [InlineData("a: 'two\nlines'\n", false)]
    [InlineData("a: \"two\\\n  lines\"\n", false)]
    [InlineData("a: 'two\n", false)]
    [InlineData("'a\n  b': 1\n", false)]
    [InlineData("a: \"x\" y\n", false)]
    [InlineData("\"a\": 1\n'b': 2\n\"c\\\"d\": 3\n", true)]
    // Literal block scalars.
    [InlineData("a: |\n  one\n  two\nb: 1\n", true)]
    [InlineData("a: |-\n  one\n  two\nb: 1\n", true)]
    [InlineData("a: |\n  one\n\n  two\n\n\nb: 1\n", true)]
    [InlineData("a: |\n\n  one\n    indented\n  # not a comment\n", true)]
    [InlineData("a: |\n  one\n", true)]
    [InlineData("a: |\n  one", true)]
    [InlineData("a: |-\n  one\n\n", true)]
    [InlineData("- |\n  x\n- |-\n   y\n", true)]
    [InlineData("a: | # comment\n  x\n", true)]
    [InlineData("a: |\n  x\tand a tab\n", true)]
    [InlineData("a: |\n  x\n---\nb: 1\n", true)]
    [InlineData("a: |+\n  x\n\n", false)]
    [InlineData("a: |2\n   x\n", false)]
    [InlineData("a: >\n  x\n  y\n", true)]
    [InlineData("a: >-\n  one\n  two\n\n  three\n\n\n  four\n    more\n    indented\n  five\n  \tsix\n  seven\nb: 1\n", true)]
    [InlineData("a: >\n\n  x\n\n", true)]
    [InlineData("- >\n  {\"apiVersion\":\"v1\"}\n", true)]
    [InlineData("a: |\n    \n  x\n", false)]
    [InlineData("a: |\n  x\n     \n  y\n", false)]
    [InlineData("a: |\nb: 1\n", false)]
    [InlineData("- a: |\n    x\n  b: 1\n", true)]
    // Flow collections and JSON.
    [InlineData("a: {b: 1, c: [x, 'y', \"z\"], d: {}}\ne: []\n", true)]
    [InlineData("{\"kind\": \"List\", \"items\": [\n  {\"a\": 1,\n   \"b\": [true, null]}\n]}\n", true)]
    [InlineData("{\n  \"a\": \"b\",\n  \"c\": {\n    \"d\": [1, 2]\n  }\n}", true)]
    [InlineData("{\"a\":1,\"b\":\"c\"}\n", true)]
    [InlineData("a: {b: 1 # c\n  , c: 2}\n", true)]
    [InlineData("a: [b, c,]\n", false)]
    [InlineData("a: [b: c]\n", false)]
    [InlineData("a: {b}\n", false)]
    [InlineData("a: {b: }\n", false)]
    [InlineData("a: [x\n  y]\n", false)]
    [InlineData("a: [http://x, \"y\", a:b]\n", true)]
    [InlineData("a: [x:, y]\n", false)]
    [InlineData("a: [1, 2]]\n", false)]
    [InlineData("a: {b: 1\n", false)]
    [InlineData("a: [\nb: 1]\n", false)]
    [InlineData("{a: 1}\n{b: 2}\n", false)]
    [InlineData("a: [-1, - 2]\n", false)]
    // Found by the differential fuzzer (the whole inputs are in fuzz/regressions/printed-yaml).
    [InlineData("g: |\n       \n        \" ", false)]
    [InlineData("a: b\n''@''", false)]
    [InlineData("a: b\n'' c\n", false)]
    [InlineData("a: [1, \"2\", c", false)]
    [InlineData("a: {b: c", false)]
    [InlineData("apiVapiVon: \ufffdaaaa1\n'\ufffd\ufffd'", false)]
    [InlineData("j\ufffd\" $ *com:", false)]
    [InlineData("a *b: 1\n", false)]
    [InlineData("'wn\n\n\n...\t.\n'", false)]
    [InlineData("a: \"x\n---\ty\"\n", false)]
    [InlineData("a: b *c\nd: x\n  *y\n", true)]
    public void EdgeCases_ReadAlike(string text, bool readFast)
    {
        Assert.Equal(readFast, ReadsAlike(text));
        Assert.Equal(readFast, ReadsAlike(text, "embedded.yaml", lineOffset: 7));
    }

    [Fact]
    public void InputsAtALimit_AreLeftToYamlDotNet_WhichRefusesThem()
    {
        var text = "a:\n  b:\n    c: [1, 2]\n---\nd: 1\n";
        // Four levels (three mappings and a list), 12 values (keys included), two documents.
        Assert.True(ReadsAlike(text, limits: new ReadingLimits { MaxDepth = 4, MaxNodes = 12, MaxDocuments = 2 }));
        Assert.False(ReadsAlike(text, limits: new ReadingLimits { MaxDepth = 3 }));
        Assert.False(ReadsAlike(text, limits: new ReadingLimits { MaxNodes = 11 }));
        Assert.False(ReadsAlike(text, limits: new ReadingLimits { MaxDocuments = 1 }));

        // The budget is shared by every input of a run: what earlier inputs used counts.
        var budget = new ReadingBudget(new ReadingLimits { MaxNodes = 20 });
        Assert.NotNull(PrintedYamlReader.TryRead(text, "one.yaml", budget, 0));
        Assert.Equal(12, budget.NodesRead);
        Assert.Null(PrintedYamlReader.TryRead(text, "two.yaml", budget, 0));
        Assert.Equal(12, budget.NodesRead);
        Assert.Throws<InputLimitException>(() => YamlTree.ParseDocuments(text, "two.yaml", budget));
    }

    [Fact]
    public void AuditBenchmarkInput_ReadsFast_AndAlike()
    {
        Assert.True(ReadsAlike(BenchmarkInput.Generate(200)));
    }

    // Random edits of real inputs: a character deleted, inserted or replaced by one that YAML gives a meaning, a line
    // repeated or moved in or out. Whatever the fast reader still reads, YamlDotNet must read alike.
    private static readonly string[] EditSeeds = [.. Rendered().Take(3).Select(r => r.Text[..Math.Min(r.Text.Length, 6000)]), BenchmarkInput.Generate(12)];

    private static readonly Gen<string> Edited = Gen.Select(Gen.Int[0, EditSeeds.Length - 1], Gen.Int[0, 100_000].Array[1, 4], Gen.Int[0, 5].Array[4], Gen.OneOf(" ", ":", "-", "#", "'", "\"", "|", ">", "{", "}", "[", "]", ",", "\n", "\t", "&", "*", "!", "\\", "  ", "- ", ": ", "---\n", "|-\n", "~").Array[4], (seed, places, kinds, insertions) =>
    {
        var text = new StringBuilder(EditSeeds[seed]);
        for (var i = 0; i < places.Length; i++)
        {
            if (text.Length == 0)
            {
                break;
            }

            var at = places[i] % text.Length;
            var lineStart = at > 0 ? text.ToString().LastIndexOf('\n', at - 1) + 1 : 0;
            switch (kinds[i])
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, insertions[i]);
                    break;
                case 2:
                    text[at] = insertions[i][0];
                    break;
                case 3:
                    text.Insert(lineStart, "  ");
                    break;
                case 4:
                    if (text.Length > lineStart + 1 && text[lineStart] == ' ')
                    {
                        text.Remove(lineStart, 1);
                    }

                    break;
                default:
                    var lineEnd = text.ToString().IndexOf('\n', at);
                    var line = text.ToString(lineStart, (lineEnd < 0 ? text.Length : lineEnd + 1) - lineStart);
                    text.Insert(lineStart, line);
                    break;
            }
        }

        return text.ToString();
    });

    [Fact]
    public void RandomEdits_ReadAlike()
    {
        var fast = 0;
        Edited.Sample(text =>
        {
            if (ReadsAlike(text))
            {
                Interlocked.Increment(ref fast);
            }
        }, iter: 3000);

        output.WriteLine($"{fast} of 3000 edited texts read fast");
        // Not vacuous: many edits keep the text printed YAML (a changed value, a repeated line).
        Assert.True(fast > 300, $"only {fast} edited texts were read fast");
    }
}
