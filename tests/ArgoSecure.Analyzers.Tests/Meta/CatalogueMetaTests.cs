using System.Collections;
using System.Reflection;
using System.Text;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>The analyzers, the docs, the README and the release files never drift from the rule catalogue.</summary>
public sealed class CatalogueMetaTests
{
    [Fact]
    public void EveryCatalogueRule_HasAnAnalyzer()
    {
        var supported = LoadedRules.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var analyzable = RuleCatalog.All.Where(r => r.CheckedBy.HasFlag(RuleChecks.Analyzers)).Select(r => r.Id).ToList();
        Assert.NotEmpty(analyzable);
        Assert.Equal(analyzable, analyzable.Where(supported.Contains));
        Assert.All(supported, id => Assert.True(RuleCatalog.Get(id).CheckedBy.HasFlag(RuleChecks.Analyzers), id + " is not marked as checked by the analyzers"));
        Assert.All(supported, id => Assert.True(RuleCatalog.TryGet(id, out _), id + " is not in the catalogue"));
    }

    [Fact]
    public void Descriptors_EqualTheCatalogue()
    {
        Assert.NotEmpty(LoadedRules.Descriptors);
        foreach (var descriptor in LoadedRules.Descriptors)
        {
            var rule = RuleCatalog.Get(descriptor.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal(RuleCatalog.Category, descriptor.Category);
            Assert.Equal(ToSeverity(rule.Severity), descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.Contains("{0}", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HelpLinks_PointToTheRulePages()
    {
        foreach (var descriptor in LoadedRules.Descriptors)
        {
            Assert.Equal(RuleCatalog.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
            Assert.Equal($"https://github.com/argosecure/argosecure/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void AnalyzersCatalogueCopy_EqualsTheCore()
    {
        // The analyzers compile the same source with ARGOSECURE_ANALYZERS (internal types): read it by reflection.
        var type = LoadedRules.AnalyzerAssembly.GetType("ArgoSecure.Rules.RuleCatalog", throwOnError: true)!;
        Assert.False(type.IsPublic);
        var all = (IEnumerable)type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var copy = all.Cast<object>().Select(r => Describe(r)).ToList();
        var core = RuleCatalog.All.Select(r => Describe(r)).ToList();
        Assert.Equal(core, copy);
        Assert.Equal(RuleCatalog.HelpBaseUri, type.GetField("HelpBaseUri")!.GetValue(null));
    }

    [Fact]
    public void EveryRule_HasADocsPage_WithTheTitleAsH1()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var path = Path.Combine(RepositoryPaths.Root, "docs", "rules", rule.Id + ".md");
            Assert.True(File.Exists(path), path);
            var lines = File.ReadAllLines(path);
            Assert.Equal($"# {rule.Id} - {rule.Title}", lines[0]);
            foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## When to suppress" })
            {
                Assert.Contains(section, lines);
            }

            var hasFix = LoadedRules.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(rule.Id));
            if (!rule.CheckedBy.HasFlag(RuleChecks.Analyzers))
            {
                // Rules about existing manifests: the page says that only the audit reports them.
                Assert.False(hasFix, rule.Id);
                Assert.StartsWith($"Category: Security · Severity: {rule.Severity} · Enabled: yes · Code fix: no", lines[2], StringComparison.Ordinal);
                Assert.Contains("argosecure audit", lines[2], StringComparison.Ordinal);
                continue;
            }

            Assert.Equal($"Category: Security · Severity: {rule.Severity} · Enabled: yes · Code fix: {(hasFix ? "yes" : "no")}", lines[2]);
            if (!hasFix)
            {
                Assert.Contains(lines, l => l.StartsWith("No code fix:", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void EveryRulePage_SaysWhetherTheEditorShowsIt_AsTheDescriptorsDo()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var line = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "rules", rule.Id + ".md"))
                .FirstOrDefault(l => l.StartsWith("Shown in the editor: ", StringComparison.Ordinal));
            Assert.True(line is not null, rule.Id + ": the page needs a line 'Shown in the editor: …'");
            switch (InTheEditor(rule.Id))
            {
                case "yes":
                    Assert.StartsWith("Shown in the editor: yes", line, StringComparison.Ordinal);
                    break;
                case "yes; cross-file at build":
                    Assert.StartsWith("Shown in the editor: yes", line, StringComparison.Ordinal);
                    Assert.Contains("build", line, StringComparison.Ordinal);
                    break;
                default:
                    Assert.StartsWith("Shown in the editor: no, because ", line, StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public void ReadmeTable_IsCurrent()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        const string start = "<!-- rules -->\n";
        const string end = "<!-- /rules -->";
        var from = readme.IndexOf(start, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "README.md needs the <!-- rules --> markers");
        Assert.Equal(GenerateTable(), readme[(from + start.Length)..to]);
    }

    [Fact]
    public void EveryAnalyzerRule_IsInTheReleaseFiles_WithItsSeverity()
    {
        var dir = Path.Combine(RepositoryPaths.Root, "src", "ArgoSecure.Analyzers");
        var text = File.ReadAllText(Path.Combine(dir, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(dir, "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in LoadedRules.Descriptors.DistinctBy(d => d.Id))
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The README table, from the catalogue and the loaded analyzers and fixes.</summary>
    internal static string GenerateTable()
    {
        var builder = new StringBuilder();
        builder.Append("|Id|Category|Title|Severity|Enabled|Code fix|In the editor|Checked by|\n");
        builder.Append("|--|--------|-----|--------|-------|--------|-------------|----------|\n");
        foreach (var rule in RuleCatalog.All)
        {
            var descriptor = LoadedRules.Descriptors.FirstOrDefault(d => d.Id == rule.Id);
            var hasFix = LoadedRules.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(rule.Id));
            var enabled = descriptor?.IsEnabledByDefault ?? true;
            var checkedBy = string.Join(", ", new[]
            {
                rule.CheckedBy.HasFlag(RuleChecks.Analyzers) && descriptor is not null ? "analyzers" : null,
                rule.CheckedBy.HasFlag(RuleChecks.Validation) ? "validation" : null,
                rule.CheckedBy.HasFlag(RuleChecks.Audit) ? "audit" : null,
                rule.CheckedBy.HasFlag(RuleChecks.Admission) ? "admission" : null,
            }.Where(x => x is not null));
            builder.Append($"|[{rule.Id}](docs/rules/{rule.Id}.md)|{rule.Category}|{rule.Title}|{rule.Severity}|{(enabled ? "yes" : "no")}|{(hasFix ? "yes" : "no")}|{InTheEditor(rule.Id)}|{checkedBy}|\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether an editor shows the rule for the open document, from the loaded descriptors: editors run no
    /// compilation-end action, so a rule with only compilation-end descriptors shows at build time only.
    /// </summary>
    internal static string InTheEditor(string ruleId)
    {
        var descriptors = LoadedRules.Descriptors.Where(d => d.Id == ruleId).ToList();
        var live = descriptors.Exists(d => !d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        var atEnd = descriptors.Exists(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        return (live, atEnd) switch
        {
            (true, false) => "yes",
            (true, true) => "yes; cross-file at build",
            (false, true) => "build only",
            _ => "no (manifests)",
        };
    }

    private static string Describe(object rule)
    {
        var t = rule.GetType();
        string Get(string name) => t.GetProperty(name)!.GetValue(rule)!.ToString()!;
        return string.Join(" | ", Get("Id"), Get("Title"), Get("Severity"), Get("Description"), Get("Source"), Get("Category"), Get("HelpUri"));
    }

    private static DiagnosticSeverity ToSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => DiagnosticSeverity.Error,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
