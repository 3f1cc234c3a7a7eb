using System.Text;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>Inputs an attacker would write (the shapes fuzz/ and benchmarks/hostile measure too).</summary>
public static class HostileYaml
{
    /// <summary>"Billion laughs": nine levels of nine aliases, 9^9 copies of one scalar once expanded, in 25 lines.</summary>
    public static string AliasBomb(string kind = "ConfigMap")
    {
        var text = new StringBuilder($"apiVersion: v1\nkind: {kind}\nmetadata: {{name: lol, namespace: argo}}\ndata:\n");
        text.Append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append($"  {level}: &{level} [{string.Join(',', Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        return text.ToString();
    }

    /// <summary>The same bomb as one flow list (for a value of any file: <c>key: [&amp;a [...], &amp;b [*a, ...], ...]</c>).</summary>
    public static string FlowBomb() =>
        "[&a [" + string.Join(',', Enumerable.Repeat("\"lol\"", 9)) + "], " +
        string.Join(", ", Enumerable.Range('b', 8).Select(c => $"&{(char)c} [{string.Join(',', Enumerable.Repeat($"*{(char)(c - 1)}", 9))}]")) + "]";

    /// <summary>The same bomb as a Helm values file (no apiVersion and kind).</summary>
    public static string ValuesBomb() => string.Join('\n', AliasBomb().Split('\n').Skip(3)).Replace("data:\n", "controller:\n", StringComparison.Ordinal);

    /// <summary>A document whose lists nest <paramref name="depth"/> levels deep, in flow style (two bytes a level).</summary>
    public static string Deep(int depth) => $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: deep}}\ndata:\n  x: {new string('[', depth)}{new string(']', depth)}\n";

    /// <summary>A mapping of <paramref name="keys"/> distinct keys (quadratic reading would never end).</summary>
    public static string Wide(int keys)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\ndata:\n");
        for (var i = 0; i < keys; i++)
        {
            text.Append("  k").Append(i).Append(": v\n");
        }

        return text.ToString();
    }

    /// <summary>Writes a file of <paramref name="bytes"/> bytes of honest-looking YAML comments.</summary>
    public static void WriteHuge(string path, long bytes)
    {
        var line = Encoding.ASCII.GetBytes("# padding padding padding padding padding padding padding padding\n");
        using var stream = File.Create(path);
        for (long written = 0; written < bytes; written += line.Length)
        {
            stream.Write(line, 0, (int)Math.Min(line.Length, bytes - written));
        }
    }

    /// <summary>A small honest object, to show that the other inputs are still read.</summary>
    public static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {name}}}\n";
}
