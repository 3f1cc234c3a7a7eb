using ArgoSecure.Input;
using ArgoSecure.Options;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Options;

/// <summary>Options files are read under the same limits as audit inputs, and fuzzed input is an options error, never a crash.</summary>
public sealed class OptionsLimitsTests
{
    [Fact]
    public void AliasBomb_IsRefused_NamingTheLimit()
    {
        var text = "workflowNamespaces: " + HostileYaml.FlowBomb() + "\n";

        var e = Assert.Throws<OptionsException>(() => OptionsFile.Parse(text, "o.yaml"));

        Assert.Contains("refused (alias expansion)", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void DeepOptions_AreRefused_NamingTheOption()
    {
        var e = Assert.Throws<OptionsException>(() => OptionsFile.Parse("controller: " + new string('[', 5000), "o.yaml"));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("line 1: refused (nesting depth)", problem, StringComparison.Ordinal);
        Assert.Contains(ReadingLimits.Options.Depth, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LargeOptionsFile_IsRefusedBeforeBinding()
    {
        var e = Assert.Throws<OptionsException>(() => OptionsFile.Parse(new string('#', 2048), "o.yaml", ReadingLimits.Default with { MaxFileBytes = 1024 }));

        Assert.Contains(ReadingLimits.Options.FileSize, Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: {\nb")]
    [InlineData(" : 0")]
    [InlineData(":\n-\n!\u0000&0\n")]
    public void FuzzerFindings_AreOptionsErrors(string text)
    {
        var e = Assert.Throws<OptionsException>(() => OptionsFile.Parse(text, "o.yaml"));

        Assert.Contains("not valid YAML or JSON", Assert.Single(e.Problems), StringComparison.Ordinal);
    }
}
