using System.Collections;
using System.Globalization;
using System.Reflection;
using ArgoSecure.Input;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArgoSecure.Options;

/// <summary>
/// Reads an options file (YAML, or JSON, which YAML includes) into <see cref="ArgoWorkflowsArgs"/>. Keys are the
/// Args property names in camelCase; unknown keys, wrong types and unknown enum values are errors that name the
/// line, the key and what is allowed. Nothing is half-read: any problem throws <see cref="OptionsException"/>, and so
/// does a file beyond the reading limits (size, nesting depth, values, Kubernetes' alias rule).
/// </summary>
public static class OptionsFile
{
    /// <summary>Reads and binds an options file under <paramref name="limits"/> (default: <see cref="ReadingLimits.Default"/>).</summary>
    public static ArgoWorkflowsArgs Load(string path, ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var budget = new ReadingBudget(limits ?? ReadingLimits.Default);
        string text;
        try
        {
            text = budget.ReadFile(path, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionsException(path, [$"cannot read the file: {e.Message}"]);
        }
        catch (InputLimitException e)
        {
            throw Refused(path, e);
        }

        return Bind(text, path, budget);
    }

    /// <summary>Binds options text; <paramref name="source"/> names it in errors.</summary>
    public static ArgoWorkflowsArgs Parse(string text, string source = "options", ReadingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var budget = new ReadingBudget(limits ?? ReadingLimits.Default);
        try
        {
            budget.Charge(text, source);
        }
        catch (InputLimitException e)
        {
            throw Refused(source, e);
        }

        return Bind(text, source, budget);
    }

    private static OptionsException Refused(string source, InputLimitException e) =>
        new(source, [$"{(e.Input.StartsWith(source + ":", StringComparison.Ordinal) ? "line " + e.Input[(source.Length + 1)..] + ": " : "")}refused ({e.Limit}): {e.Reason} Fix: {e.Fix}"]);

    private static ArgoWorkflowsArgs Bind(string text, string source, ReadingBudget budget)
    {
        var stream = new YamlStream();
        try
        {
            // Tabs are fine in JSON but not in YAML indentation; outside strings they are only whitespace.
            stream.Load(budget.OpenYaml(text.Replace('\t', ' '), source));
        }
        catch (YamlException e)
        {
            throw new OptionsException(source, [$"line {e.Start.Line}, column {e.Start.Column}: not valid YAML or JSON: {Clean(e.Message)}"]);
        }
        catch (InputLimitException e)
        {
            throw Refused(source, e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new OptionsException(source, [$"expected one document, found {stream.Documents.Count}. Put every option in one YAML (or JSON) document."]);
        }

        var problems = new List<string>();
        var binder = new Binder(problems);
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode)
        {
            throw new OptionsException(source, [$"{Where(root)}: the options must be a mapping of keys (controller, server, workflowNamespaces, acceptedRisks)."]);
        }

        var args = (ArgoWorkflowsArgs?)binder.Bind(root, typeof(ArgoWorkflowsArgs), "") ?? new ArgoWorkflowsArgs();
        if (problems.Count > 0)
        {
            throw new OptionsException(source, problems);
        }

        return args;
    }

    internal static string Where(YamlNode node) => $"line {node.Start.Line}, column {node.Start.Column}";

    private static string Clean(string message) => message.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private sealed class Binder(List<string> problems)
    {
        public object? Bind(YamlNode node, Type type, string path)
        {
            if (IsNull(node))
            {
                return null;
            }

            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                return Scalar(node, path, "a text value");
            }

            if (underlying == typeof(bool))
            {
                var value = Scalar(node, path, "true or false");
                if (value is "true" or "True" or "false" or "False")
                {
                    return value is "true" or "True";
                }

                return Fail(node, path, $"'{value}' is not a boolean. Write true or false.");
            }

            if (underlying == typeof(int) || underlying == typeof(long))
            {
                var value = Scalar(node, path, "a whole number");
                if (value is not null && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) &&
                    (underlying == typeof(long) || number is >= int.MinValue and <= int.MaxValue))
                {
                    return underlying == typeof(int) ? (object)(int)number : number;
                }

                return value is null ? null : Fail(node, path, $"'{value}' is not a whole number.");
            }

            if (underlying.IsEnum)
            {
                var value = Scalar(node, path, "one of " + string.Join(", ", Enum.GetNames(underlying)));
                var match = Enum.GetNames(underlying).FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
                return match is not null
                    ? Enum.Parse(underlying, match)
                    : value is null ? null : Fail(node, path, $"'{value}' is not allowed. Use one of: {string.Join(", ", Enum.GetNames(underlying))}.");
            }

            if (underlying == typeof(InstallScope))
            {
                return BindScope(node, path);
            }

            if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
            {
                return BindList(node, underlying, path);
            }

            return BindObject(node, underlying, path);
        }

        private object? BindScope(YamlNode node, string path)
        {
            const string Help = "Write 'Cluster', or a mapping 'namespaced: <managed namespace>'.";
            if (node is YamlScalarNode { Value: { } text })
            {
                if (string.Equals(text, "Cluster", StringComparison.OrdinalIgnoreCase))
                {
                    return InstallScope.Cluster;
                }

                return Fail(node, path, $"'{text}' is not an install scope. {Help}");
            }

            if (node is YamlMappingNode { Children.Count: 1 } mapping &&
                mapping.Children.First() is { Key: YamlScalarNode { Value: { } key }, Value: var value } &&
                string.Equals(key, "namespaced", StringComparison.OrdinalIgnoreCase))
            {
                var managed = Scalar(value, path + ".namespaced", "the managed namespace");
                return managed is null ? null : InstallScope.Namespaced(managed);
            }

            return Fail(node, path, $"this is not an install scope. {Help}");
        }

        private object? BindList(YamlNode node, Type listType, string path)
        {
            if (node is not YamlSequenceNode sequence)
            {
                return Fail(node, path, "expected a list (a sequence of '- ' items or [ ... ]).");
            }

            var elementType = listType.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(listType)!;
            var index = 0;
            foreach (var child in sequence.Children)
            {
                var item = Bind(child, elementType, $"{path}[{index++}]");
                if (item is null)
                {
                    if (!IsNull(child))
                    {
                        continue; // already reported
                    }

                    Fail(child, path, "a list item is empty. Remove it.");
                    continue;
                }

                list.Add(item);
            }

            return list;
        }

        private object? BindObject(YamlNode node, Type type, string path)
        {
            if (node is not YamlMappingNode mapping)
            {
                return Fail(node, path, $"expected a mapping of {type.Name} keys.");
            }

            var target = Activator.CreateInstance(type)!;
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic).ToList();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (keyNode, valueNode) in mapping.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                var keyPath = path.Length == 0 ? key : $"{path}.{key}";
                var property = properties.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    var known = string.Join(", ", properties.Select(p => CamelCase(p.Name)).Order(StringComparer.Ordinal));
                    Fail(keyNode, keyPath, $"unknown key '{key}'{(path.Length == 0 ? "" : $" under '{path}'")}. Known keys: {known}.");
                    continue;
                }

                if (!seen.Add(property.Name))
                {
                    Fail(keyNode, keyPath, $"the key '{key}' is given twice. Keep one.");
                    continue;
                }

                var before = problems.Count;
                var value = Bind(valueNode, property.PropertyType, keyPath);
                if (problems.Count != before)
                {
                    continue;
                }

                if (value is null && !IsNullable(property))
                {
                    Fail(valueNode, keyPath, $"'{key}' cannot be empty. Give a value or remove the key to keep the default.");
                    continue;
                }

                property.SetValue(target, value);
            }

            return target;
        }

        private static bool IsNullable(PropertyInfo property) =>
            Nullable.GetUnderlyingType(property.PropertyType) is not null ||
            new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

        private string? Scalar(YamlNode node, string path, string expected)
        {
            if (node is YamlScalarNode scalar)
            {
                return scalar.Value;
            }

            Fail(node, path, $"expected {expected}, found a {(node is YamlSequenceNode ? "list" : "mapping")}.");
            return null;
        }

        private object? Fail(YamlNode node, string path, string message)
        {
            problems.Add($"{Where(node)}: {(path.Length == 0 ? "" : $"'{path}': ")}{message}");
            return null;
        }

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

        private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
    }
}
