using ArgoSecure.Rules;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>The rules that only the audit reports have their docs pages, titled exactly as in the catalogue.</summary>
public class AuditRuleDocsTests
{
    [Theory]
    [InlineData(RuleCatalog.WorkflowPodSpecPatch)]
    [InlineData(RuleCatalog.WorkflowHostNamespaces)]
    [InlineData(RuleCatalog.WorkflowPrivilegedContainer)]
    [InlineData(RuleCatalog.ArgoPodNotHardened)]
    [InlineData(RuleCatalog.WorkflowNeedsDisabledFeature)]
    public void AuditRule_HasItsDocsPage(string id)
    {
        var rule = RuleCatalog.Get(id);
        var page = Path.Combine(Upstream.RepositoryRoot, "docs", "rules", id + ".md");

        var lines = File.ReadAllLines(page);

        Assert.Equal($"# {id} - {rule.Title}", lines[0]);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## When to suppress" })
        {
            Assert.Contains(section, lines);
        }

        Assert.Contains($"Severity: {rule.Severity}", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($"docs/rules/{id}.md", rule.HelpUri, StringComparison.Ordinal);
    }
}
