using System.Text;
using ArgoSecure.Options;
using ArgoSecure.Planning;
using ArgoSecure.Validation;
using CsCheck;

namespace ArgoSecure.Tests.Properties;

/// <summary>
/// Random options files (the binder's own keys and unknown ones, every kind of scalar, lists, mappings, YAML and JSON
/// syntax) either bind to Args (which then plan or fail validation with findings) or fail with an options error that
/// names a line; never another exception.
/// </summary>
public sealed class OptionsBinderPropertyTests
{
    private static readonly string[] Keys =
    [
        "controller", "server", "workflowNamespaces", "acceptedRisks", "namespace", "scope", "namespaced", "replicas", "authModes",
        "tls", "enabled", "sso", "issuer", "redirectUrl", "rbacEnabled", "name", "submitters", "viewers", "kind", "ruleId",
        "justification", "persistence", "host", "metrics", "secure", "images", "version", "networkPolicies", "unknownKey",
    ];

    private static readonly string[] Scalars =
    [
        "argo", "team-a", "Cluster", "client", "Sso", "Group", "ARGO0004", "true", "False", "yes", "0", "1", "-5", "99999999999",
        "1.5", "", "~", "null", "\"quoted\"", "'single'", "\"\\u0000\"", "v4.1.2", "*", "'*'", "@", "`", "%", "{}", "[]",
    ];

    private static readonly Gen<string> Scalar = Gen.OneOf(Scalars);

    private static readonly Gen<Node> Tree = Gen.Recursive<Node>((depth, tree) => depth >= 4
        ? Scalar.Select(s => (Node)new Leaf(s))
        : Gen.Frequency(
            (3, Scalar.Select(s => (Node)new Leaf(s))),
            (2, tree.List[0, 3].Select(items => (Node)new Branch(null, items))),
            (3, Gen.Select(Gen.OneOf(Keys).Array[0, 4], tree.List[4], (keys, values) => (Node)new Branch(keys, values.Take(keys.Length).ToList())))));

    private static readonly Gen<string> RandomDocument = Gen.Select(
        Gen.Select(Gen.OneOf(Keys).Array[1, 4], Tree.List[4], (keys, values) => (Node)new Branch(keys, values.Take(keys.Length).ToList())),
        Gen.Bool,
        (root, flow) => flow ? Flow(root) : Block(root, 0));

    // Random trees bind rarely (a few in a thousand: every key and value must fit), so some documents start from
    // sections that bind and vary their values: without them a run could exercise the refusal path only.
    private static readonly Gen<string> NearlyValidDocument = Gen.Select(
        Gen.OneOf(Scalars), Gen.OneOf(Scalars), Gen.OneOf("argo", "team-a", "argo-workflows"), Gen.Bool,
        (ns, mode, workflows, flow) => flow
            ? $"{{\"controller\": {{\"namespace\": {Flow(new Leaf(ns))}}}, \"workflowNamespaces\": [{{\"name\": {workflows}}}]}}"
            : $"controller:\n  namespace: {ns}\nserver:\n  authModes: [{mode}]\nworkflowNamespaces:\n  - name: {workflows}\n");

    private static readonly Gen<string> Document = Gen.Frequency((4, RandomDocument), (1, NearlyValidDocument));

    [Fact]
    public void RandomOptionsFiles_BindOrFailWithLineNumberedProblems()
    {
        var bound = 0;
        var refused = 0;
        Document.Sample(text =>
        {
            ArgoWorkflowsArgs args;
            try
            {
                args = OptionsFile.Parse(text, "random.yaml");
            }
            catch (OptionsException e)
            {
                Assert.NotEmpty(e.Problems);
                Assert.All(e.Problems, p => Assert.Matches("^(line [0-9]+|expected one document)", p));
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref bound);
            try
            {
                Planner.Plan(args);
            }
            catch (ArgoSecureValidationException e)
            {
                Assert.True(e.Result.InputErrors.Count > 0 || e.Result.BlockingFindings.Any(), e.Message);
            }
        }, iter: 1500, threads: 1);

        Assert.True(bound > 0 && refused > 0, $"bound {bound}, refused {refused}");
    }

    private static string Block(Node node, int indent)
    {
        var pad = new string(' ', indent);
        var text = new StringBuilder();
        switch (node)
        {
            case Leaf leaf:
                return leaf.Text + "\n";
            case Branch { Keys: null } list when list.Values.Count == 0:
                return "[]\n";
            case Branch { Keys: null } list:
                foreach (var item in list.Values)
                {
                    text.Append(pad).Append("- ").Append(item is Leaf ? Block(item, indent + 2) : "\n" + Block(item, indent + 2));
                }

                return text.ToString();
            case Branch map when map.Values.Count == 0:
                return "{}\n";
            case Branch map:
                for (var i = 0; i < map.Values.Count; i++)
                {
                    text.Append(pad).Append(map.Keys![i]).Append(':').Append(map.Values[i] is Leaf ? " " + Block(map.Values[i], indent + 2) : "\n" + Block(map.Values[i], indent + 2));
                }

                return text.ToString();
            default:
                throw new InvalidOperationException();
        }
    }

    private static string Flow(Node node) => node switch
    {
        Leaf leaf => leaf.Text.Length == 0 ? "\"\"" : leaf.Text,
        Branch { Keys: null } list => "[" + string.Join(", ", list.Values.Select(Flow)) + "]",
        Branch map => "{" + string.Join(", ", map.Values.Select((v, i) => $"\"{map.Keys![i]}\": {Flow(v)}")) + "}",
        _ => throw new InvalidOperationException(),
    };

    private abstract record Node;

    private sealed record Leaf(string Text) : Node;

    private sealed record Branch(string[]? Keys, List<Node> Values) : Node;
}
