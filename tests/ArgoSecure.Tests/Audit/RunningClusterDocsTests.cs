using System.Text.RegularExpressions;
using ArgoSecure.Audit;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>docs/audit.md, "Running cluster": the kubectl command and the read-only ClusterRole it documents agree.</summary>
public partial class RunningClusterDocsTests
{
    [GeneratedRegex("^kubectl get (?<types>\\S+) -A -o yaml \\| argosecure audit -$", RegexOptions.Multiline)]
    private static partial Regex Command();

    [GeneratedRegex("```yaml\\n(?<yaml>apiVersion: rbac.authorization.k8s.io/v1\\nkind: ClusterRole\\nmetadata:\\n  name: argosecure-audit\\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex Role();

    [Fact]
    public void TheDocumentedRole_ListsExactlyTheKindsTheCommandGets_ReadOnly()
    {
        var docs = File.ReadAllText(Path.Combine(Upstream.RepositoryRoot, "docs", "audit.md"));
        var command = Command().Match(docs);
        Assert.True(command.Success, "docs/audit.md has no 'kubectl get ... -A -o yaml | argosecure audit -' line");
        var role = new ManifestLoader().LoadText(Role().Match(docs).Groups["yaml"].Value, "audit.md").Single();

        var gets = command.Groups["types"].Value.Split(',')
            .Select(t => t.Split('.', 2) is [var resource, var group] ? $"{group}/{resource}" : $"/{t}")
            .Order(StringComparer.Ordinal);
        var rules = role.Root.Items("rules").ToList();
        var grants = rules.SelectMany(r => r.Items("apiGroups").SelectMany(g => r.Items("resources").Select(x => $"{g.Text}/{x.Text}")))
            .Order(StringComparer.Ordinal);

        Assert.Equal(gets, grants);
        Assert.All(rules, r => Assert.Equal(["list"], r.Items("verbs").Select(v => v.Text)));
        Assert.DoesNotContain(grants, g => g.EndsWith("/secrets", StringComparison.Ordinal));
    }
}
