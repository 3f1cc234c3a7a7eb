using ArgoSecure.Analyzers.Tests.Meta;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers.Tests.EditorScope;

/// <summary>
/// Every rule's docs examples, run as an editor runs them (one open document at a time) and as a build does: the
/// page says truly whether the rule is shown in the editor, its non-compliant examples are reported, its compliant
/// ones are not, and the two ways agree.
/// </summary>
public sealed class DocsExampleTests
{
    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task DocsExamples_AreShownInTheEditor_WhereThePageSaysSo(string ruleId)
    {
        var editorLine = DocsExamples.EditorLine(ruleId);
        Assert.True(editorLine is not null, $"docs/rules/{ruleId}.md needs a line 'Shown in the editor: yes…' or 'Shown in the editor: no, because …'");
        var examples = DocsExamples.Of(ruleId);
        if (!RuleCatalog.Get(ruleId).CheckedBy.HasFlag(RuleChecks.Analyzers))
        {
            // Rules about manifests: no C# to show, and the page says why the editor shows nothing.
            Assert.Empty(examples);
            Assert.StartsWith("Shown in the editor: no, because ", editorLine, StringComparison.Ordinal);
            return;
        }

        var shownLive = editorLine.StartsWith("Shown in the editor: yes", StringComparison.Ordinal);
        Assert.Contains(examples, e => e.IsCompliant);
        Assert.Contains(examples, e => !e.IsCompliant);
        if (shownLive)
        {
            Assert.Contains(examples, e => !e.IsCompliant && !e.IsBuildTimeOnly);
        }

        foreach (var example in examples)
        {
            var compilation = EditorAnalysis.Compile(example.Files);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{ruleId} '{example.Label}' does not compile: {string.Join("; ", errors)}");
            var live = await EditorAnalysis.LiveAsync(compilation, EditorAnalysis.UserDocuments(compilation));
            var build = await EditorAnalysis.BuildAsync(compilation);
            EditorAnalysis.AssertAgree(live, build);

            var reportedLive = live.Any(d => d.Id == ruleId);
            var reportedAtBuild = build.Any(d => d.Id == ruleId);
            var what = $"{ruleId} '{example.Label}' (live: {Ids(live)}; build: {Ids(build)})";
            if (example.IsCompliant)
            {
                Assert.False(reportedAtBuild, "compliant example reported: " + what);
                continue;
            }

            Assert.True(reportedAtBuild, "non-compliant example not reported at build: " + what);
            Assert.True(reportedLive == (shownLive && !example.IsBuildTimeOnly), $"{(reportedLive ? "shown" : "not shown")} in the editor, unlike what the page says: " + what);
        }
    }

    private static string Ids(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
}
