using System.Text;
using ArgoSecure.Audit;
using ArgoSecure.Input;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Input;

/// <summary>Every limit of the one reading budget: what it refuses, and that the message names the limit and its option.</summary>
public sealed class ReadingLimitsTests
{
    private static IReadOnlyList<YNode> Parse(string text, ReadingLimits? limits = null)
    {
        var budget = new ReadingBudget(limits ?? ReadingLimits.Default);
        budget.Charge(text, "in.yaml");
        return YamlTree.ParseDocuments(text, "in.yaml", budget);
    }

    [Fact]
    public void AliasBomb_IsRefused_ByKubernetesAliasRule_BeforeItExpands()
    {
        var e = Assert.Throws<InputLimitException>(() => Parse(HostileYaml.AliasBomb()));

        Assert.Equal("alias expansion", e.Limit);
        Assert.StartsWith("in.yaml:", e.Input, StringComparison.Ordinal);
        Assert.Contains("Kubernetes", e.Reason, StringComparison.Ordinal);
        // Refused within the first levels: a few thousand values, never 9^9.
        Assert.Matches(@"expand document 1 to [\d,]{5} YAML values", e.Reason);
    }

    [Fact]
    public void HonestAnchors_AreRead_EvenWhenAliasesOutnumberTheWrittenValues()
    {
        // 20 values aliased 40 times: 800 copies, under the rule's 1,000-value floor; and a large document with a
        // few aliases: read whole.
        var honest = "base: &b {" + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"k{i}: v")) + "}\nuses: [" + string.Join(", ", Enumerable.Repeat("*b", 40)) + "]\n";
        var many = "list: [" + string.Join(", ", Enumerable.Range(0, 5000)) + "]\nanchor: &a {x: 1}\nagain: [" + string.Join(", ", Enumerable.Repeat("*a", 200)) + "]\n";

        Assert.Equal(40, Assert.Single(Parse(honest))["uses"]!.Items.Count);
        Assert.Equal(200, Assert.Single(Parse(many))["again"]!.Items.Count);
    }

    [Fact]
    public void DeepDocument_IsRefused_AtTheDepthLimit_AndTheOptionRaisesIt()
    {
        var e = Assert.Throws<InputLimitException>(() => Parse(HostileYaml.Deep(100_000)));

        Assert.Equal("nesting depth", e.Limit);
        Assert.Contains("deeper than 100 levels", e.Reason, StringComparison.Ordinal);
        Assert.Contains(ReadingLimits.Options.Depth, e.Fix, StringComparison.Ordinal);

        Assert.Single(Parse(HostileYaml.Deep(150), ReadingLimits.Default with { MaxDepth = 200 }));
    }

    [Fact]
    public void DepthThroughAliases_IsCountedToo()
    {
        var text = "a: &a " + new string('[', 60) + new string(']', 60) + "\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n";

        var e = Assert.Throws<InputLimitException>(() => Parse(text));

        Assert.Contains("once its aliases are expanded", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyDocuments_AreRefused()
    {
        var text = string.Concat(Enumerable.Repeat("---\na: 1\n", 11));

        var e = Assert.Throws<InputLimitException>(() => Parse(text, ReadingLimits.Default with { MaxDocuments = 10 }));

        Assert.Equal("documents", e.Limit);
        Assert.Contains(ReadingLimits.Options.Documents, e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyValues_AreRefused_OverEveryInputOfTheBudget()
    {
        var budget = new ReadingBudget(ReadingLimits.Default with { MaxNodes = 1000 });
        var text = "list: [" + string.Join(", ", Enumerable.Range(0, 600)) + "]\n";
        budget.Charge(text, "one.yaml");
        YamlTree.ParseDocuments(text, "one.yaml", budget);
        budget.Charge(text, "two.yaml");

        var e = Assert.Throws<InputLimitException>(() => YamlTree.ParseDocuments(text, "two.yaml", budget));

        Assert.Equal("YAML values", e.Limit);
        Assert.StartsWith("two.yaml:", e.Input, StringComparison.Ordinal);
        Assert.Contains(ReadingLimits.Options.Nodes, e.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void FileSizeAndTotalSize_AreRefused_BeforeReading_AndWhatARefusalUsedIsGivenBack()
    {
        var directory = Directory.CreateTempSubdirectory("argosecure-limits-").FullName;
        try
        {
            var big = Path.Combine(directory, "big.yaml");
            HostileYaml.WriteHuge(big, 2048);
            var budget = new ReadingBudget(ReadingLimits.Default with { MaxFileBytes = 1024, MaxTotalBytes = 2500 });

            var size = Assert.Throws<InputLimitException>(() => budget.ReadFile(big, "big.yaml"));
            Assert.Equal("file size", size.Limit);
            Assert.Contains("it is 2 KiB, above the 1 KiB file-size limit", size.Reason, StringComparison.Ordinal);
            Assert.Contains(ReadingLimits.Options.FileSize, size.Fix, StringComparison.Ordinal);
            Assert.Equal(0, budget.BytesRead);

            var small = Path.Combine(directory, "small.yaml");
            HostileYaml.WriteHuge(small, 1000);
            budget.ReadFile(small, "small.yaml");
            budget.ReadFile(small, "small.yaml");
            var checkpoint = budget.Checkpoint();
            var total = Assert.Throws<InputLimitException>(() => budget.ReadFile(small, "small.yaml"));
            Assert.Equal("total size", total.Limit);
            Assert.Contains(ReadingLimits.Options.TotalSize, total.Fix, StringComparison.Ordinal);
            Assert.Equal(checkpoint, budget.Checkpoint());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void EndlessStream_IsCutOffAtTheFileSizeLimit()
    {
        using var endless = new EndlessStream();
        var budget = new ReadingBudget(ReadingLimits.Default with { MaxFileBytes = 1 << 20 });

        var e = Assert.Throws<InputLimitException>(() => budget.ReadStream(endless, "standard input"));

        Assert.Contains("more than 1 MiB", e.Reason, StringComparison.Ordinal);
        Assert.InRange(endless.Position, 1 << 20, (1 << 20) + 81920);
    }

    /// <summary>YamlDotNet emits unbalanced events on these (found by fuzzing the options binder): bad YAML for every reader.</summary>
    [Theory]
    [InlineData(" : 0")]
    [InlineData(":\n-\n!\u0000&0\n")]
    public void UnbalancedEvents_AreBadYaml(string text)
    {
        var e = Assert.Throws<AuditInputException>(() => Parse(text));

        Assert.Contains("not valid YAML", e.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by fuzzing the options binder: an unknown directive ending the input at YamlDotNet's 1,024-character buffer,
    /// without a line break, made its scanner spin for about 100 seconds (2,048 characters: longer). Read at once now.
    /// </summary>
    [Theory]
    [InlineData(1024)]
    [InlineData(2048)]
    public async Task DirectiveEndingAtTheScannerBuffer_IsReadAtOnce(int length)
    {
        var text = "%BBand " + new string('g', length - 7);

        // A hang guard only a spinning scanner trips (a hundred times the usual time), not a speed target.
        var documents = await Task.Run(() => Parse(text)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(documents);
    }

    [Theory]
    [InlineData("16MiB", 16L << 20)]
    [InlineData("512 KiB", 512L << 10)]
    [InlineData("1G", 1L << 30)]
    [InlineData("1234", 1234L)]
    [InlineData("0", null)]
    [InlineData("-5M", null)]
    [InlineData("lots", null)]
    [InlineData("9999999999999GiB", null)]
    public void Sizes_AreParsed(string text, long? expected) => Assert.Equal(expected, ReadingLimits.ParseSize(text));

    [Fact]
    public void Utf16WithByteOrderMark_IsDecoded()
    {
        var budget = new ReadingBudget(ReadingLimits.Default);
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: é\n")).ToArray();

        Assert.Equal("a: é\n", budget.ReadStream(new MemoryStream(bytes), "in.yaml"));
    }

    private sealed class EndlessStream : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
