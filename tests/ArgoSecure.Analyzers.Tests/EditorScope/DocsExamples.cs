using System.Text;
using System.Text.RegularExpressions;
using ArgoSecure.Analyzers.Tests.Meta;

namespace ArgoSecure.Analyzers.Tests.EditorScope;

/// <summary>One C# example of a rule's docs page, as its label describes it.</summary>
/// <param name="Label">The line above the code block ("Non-compliant:", "Compliant:", ...).</param>
/// <param name="Files">The example's files: one, or one per <c>// file: Name.cs</c> line.</param>
internal sealed record DocsExample(string Label, IReadOnlyList<(string Path, string Source)> Files)
{
    /// <summary>A "Compliant" example: the rule reports nothing.</summary>
    public bool IsCompliant => Label.StartsWith("Compliant", StringComparison.Ordinal);

    /// <summary>A non-compliant example the page says only the build reports ("... at build time only ...").</summary>
    public bool IsBuildTimeOnly => !IsCompliant && Label.Contains("at build time only", StringComparison.Ordinal);
}

/// <summary>
/// Reads the C# examples of "How to fix violations" in docs/rules/ARGOxxxx.md, so that the tests run exactly
/// what the page shows. A snippet of statements becomes the body of a method; <c>using</c> lines at its top stay
/// usings; <c>// file: X.cs</c> starts another file of the same project.
/// </summary>
internal static partial class DocsExamples
{
    private const string FilePrefix = "// file: ";

    /// <summary>The page's lines.</summary>
    public static string[] Page(string ruleId) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "rules", ruleId + ".md"));

    /// <summary>The line that says whether the rule is shown in the editor, or null.</summary>
    public static string? EditorLine(string ruleId) =>
        Page(ruleId).FirstOrDefault(l => l.StartsWith("Shown in the editor: ", StringComparison.Ordinal));

    /// <summary>
    /// Every C# example of the page's "How to fix violations" section: the blocks labelled "Compliant…" or
    /// "Non-compliant…" (other C# there shows where a setting lives, for a rule the analyzers do not report).
    /// </summary>
    public static List<DocsExample> Of(string ruleId)
    {
        var lines = Page(ruleId);
        var start = Array.IndexOf(lines, "## How to fix violations");
        var examples = new List<DocsExample>();
        for (var i = start + 1; start >= 0 && i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (lines[i] != "```csharp")
            {
                continue;
            }

            var label = lines.Take(i).Reverse().First(l => l.Trim().Length > 0);
            var code = lines.Skip(i + 1).TakeWhile(l => l != "```").ToList();
            i += code.Count + 1;
            if (label.StartsWith("Compliant", StringComparison.Ordinal) || label.StartsWith("Non-compliant", StringComparison.Ordinal))
            {
                examples.Add(new DocsExample(label, Files(ruleId, examples.Count, code)));
            }
        }

        return examples;
    }

    private static List<(string Path, string Source)> Files(string ruleId, int index, List<string> code)
    {
        var files = new List<(string, string)>();
        var name = $"{ruleId}_{index}.cs";
        var current = new List<string>();
        foreach (var line in code)
        {
            if (line.StartsWith(FilePrefix, StringComparison.Ordinal))
            {
                if (current.Count > 0)
                {
                    files.Add((name, Wrap(current, files.Count)));
                }

                name = line[FilePrefix.Length..].Trim();
                current = [];
            }
            else
            {
                current.Add(line);
            }
        }

        files.Add((name, Wrap(current, files.Count)));
        return files;
    }

    private static string Wrap(List<string> lines, int index)
    {
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Trim().Length == 0).ToList();
        var body = lines.Skip(usings.Count).ToList();
        var source = new StringBuilder("using System.Collections.Generic;\nusing ArgoSecure;\n");
        foreach (var line in usings)
        {
            source.Append(line).Append('\n');
        }

        if (body.Exists(l => TypeDeclaration().IsMatch(l)))
        {
            // The example declares its own types.
            source.AppendJoin('\n', body).Append('\n');
        }
        else
        {
            source.Append($"class Example{index}\n{{\n    void Run()\n    {{\n");
            foreach (var line in body)
            {
                source.Append("        ").Append(line).Append('\n');
            }

            source.Append("    }\n}\n");
        }

        return source.ToString();
    }

    [GeneratedRegex(@"^(public |internal |static |sealed |partial )*(class|record|struct) ")]
    private static partial Regex TypeDeclaration();
}
