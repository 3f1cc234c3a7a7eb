using System.Reflection;
using System.Text;

namespace ArgoSecure.Analyzers.Tests.Meta;

/// <summary>
/// Writes random, mostly well-typed C# programs over ArgoSecure's Args (every public settable property, found by
/// reflection, so new Args are covered without editing this file) and the Pulumi look-alike types: object and collection
/// initializers, nested initializers without <c>new</c>, collection expressions, assignments through property chains,
/// constants, locals, parameters, ternaries, casts of out-of-range enum values, nulls, lambdas, local functions, field
/// and property initializers, Helm values dictionaries nested at random, RBAC bindings and YAML config groups. A seeded
/// <see cref="Random"/> makes every run write the same programs.
/// </summary>
internal sealed class GeneratedPrograms(int seed)
{
    private static readonly string[] Strings = ["\"argo\"", "\"\"", "Ns", "\"default\"", "\"*\"", "\"latest\"", "\"server\"", "\"podSpecPatch\"", "null!", "$\"{Ns}-x\"", "Get<string>()", "Ns + \"-b\"", "(flag ? \"argo\" : Ns)"];
    private static readonly string[] HelmKeys = ["server", "controller", "authModes", "authMode", "extraArgs", "secure", "sso", "enabled", "insecureSkipVerify", "rbac", "metricsConfig", "singleNamespace", "workflow", "serviceAccount", "images", "tag", "extraEnv"];
    private static readonly string[] HelmScalars = ["true", "false", "\"server\"", "\"client\"", "\"--auth-mode=server\"", "\"--secure=false\"", "\"latest\"", "1", "null!", "Ns", "flag", "Get<object>()"];

    private readonly Random random = new(seed);
    private int locals;

    /// <summary>One compilation unit.</summary>
    public string Next()
    {
        locals = 0;
        var members = new StringBuilder();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var type = Pick(ArgsTypes);
            members.AppendLine(random.Next(6) switch
            {
                0 => $"    ArgoWorkflowsArgs F{i} = {New(typeof(ArgoWorkflowsArgs), 0)};",
                1 => $"    {type.Name} M{i}(bool flag) => {New(type, 0)};",
                2 => $"    void S{i}(bool flag)\n    {{\n{Statements(4)}\n    }}",
                3 => $"    System.Func<bool, {type.Name}> L{i} => flag => {New(type, 0)};",
                4 => $"    void P{i}(bool flag)\n    {{\n{Pulumi()}\n    }}",
                _ => $"    void Local{i}(bool flag)\n    {{\n        {type.Name} Make() => {New(type, 0)};\n        _ = Make();\n    }}",
            });
        }

        return $$"""
            using System.Collections.Generic;
            using ArgoSecure;
            using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

            class Generated
            {
                const string Ns = "argo";
                const int N = 2;
                static bool flag;
                static T Get<T>() => default!;
            {{members}}
            }
            """;
    }

    private static readonly Type[] ArgsTypes = typeof(ArgoWorkflowsArgs).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "ArgoSecure" && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null && t.Name.EndsWith("Args", StringComparison.Ordinal))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static PropertyInfo[] Settable(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    private string New(Type type, int depth) => random.Next(10) switch
    {
        0 => "new()",
        1 when depth > 0 => "null!",
        2 => $"Get<{type.Name}>()",
        _ => $"new {type.Name} {{ {Initializers(type, depth)} }}",
    };

    private string Initializers(Type type, int depth)
    {
        // Read-only properties take only nested initializers (their object or list exists already).
        var properties = Settable(type).Where(p => p.CanWrite || IsList(p.PropertyType) || IsArgsType(p.PropertyType)).ToArray();
        var chosen = properties.OrderBy(_ => random.Next()).Take(random.Next(0, Math.Min(6, properties.Length) + 1));
        return string.Join(", ", chosen.Select(p => $"{p.Name} = {(p.CanWrite ? Value(p.PropertyType, depth + 1, inInitializer: true) : Nested(p.PropertyType, depth + 1))}"));
    }

    private static bool IsArgsType(Type type) => type.IsClass && type.Assembly == typeof(ArgoWorkflowsArgs).Assembly;

    private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

    private string Nested(Type type, int depth) => IsList(type)
        ? $"{{ {string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Element(type.GetGenericArguments()[0], depth)))} }}"
        : depth > 3 ? "{ }" : $"{{ {Initializers(type, depth)} }}";

    private string Element(Type element, int depth) => depth > 3 ? Leaf(element) : Value(element, depth + 1, inInitializer: false).Replace("new()", $"new {CSharpName(element)}()", StringComparison.Ordinal);

    private string Value(Type type, int depth, bool inInitializer)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(bool))
        {
            return Pick(["true", "false", "flag", "!flag", "default", "(N > 1)"]);
        }

        if (underlying == typeof(string))
        {
            return Pick(Strings);
        }

        if (underlying == typeof(int) || underlying == typeof(long))
        {
            return Pick(["0", "1", "-1", "N", "int.MaxValue", "8737", "(flag ? 0 : 1)"]);
        }

        if (underlying.IsEnum)
        {
            var names = Enum.GetNames(underlying);
            return random.Next(8) switch
            {
                0 => $"({underlying.Name})99",
                1 => "default",
                2 => $"(flag ? {underlying.Name}.{Pick(names)} : {underlying.Name}.{Pick(names)})",
                _ => $"{underlying.Name}.{Pick(names)}",
            };
        }

        if (underlying == typeof(InstallScope))
        {
            return Pick(["InstallScope.Cluster", "InstallScope.Namespaced(\"argo\")", "InstallScope.Namespaced(Ns)", "InstallScope.Namespaced(Get<string>())", "InstallScope.Namespaced(\"team-a\")", "null!"]);
        }

        if (IsList(underlying))
        {
            var element = underlying.GetGenericArguments()[0];
            var items = string.Join(", ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Element(element, depth)));
            return random.Next(4) switch
            {
                0 when inInitializer => $"{{ {items} }}",
                1 => $"new List<{CSharpName(element)}> {{ {items} }}",
                _ => $"[{items}]",
            };
        }

        if (!IsArgsType(underlying) || depth > 3)
        {
            return "default!";
        }

        // A nested initializer without 'new' sets properties of the object the property already holds.
        return inInitializer && random.Next(4) == 0 ? Nested(underlying, depth) : New(underlying, depth);
    }

    private string Leaf(Type type) => type == typeof(string) ? Pick(Strings) : type.IsEnum ? $"{type.Name}.{Enum.GetNames(type)[0]}" : "default!";

    private static string CSharpName(Type type) => type == typeof(string) ? "string" : type == typeof(int) ? "int" : type.Name;

    private string Statements(int indent)
    {
        var pad = new string(' ', indent + 4);
        var text = new StringBuilder();
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var type = Pick(ArgsTypes);
            var local = $"v{locals++}";
            text.AppendLine($"{pad}{type.Name} {local} = {New(type, 0)};");
            foreach (var property in Settable(type).Where(p => p.CanWrite).OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                text.AppendLine($"{pad}{local}.{property.Name} = {Value(property.PropertyType, 1, inInitializer: false)};");
            }

            if (Settable(type).FirstOrDefault(p => !p.PropertyType.IsValueType && p.PropertyType != typeof(string) && Settable(p.PropertyType).Any(q => q.CanWrite && q.PropertyType == typeof(bool))) is { } chain)
            {
                var inner = Settable(chain.PropertyType).First(q => q.CanWrite && q.PropertyType == typeof(bool));
                text.AppendLine($"{pad}{local}.{chain.Name}.{inner.Name} = {Pick(["false", "true", "flag"])};");
            }

        }

        return text.ToString().TrimEnd();
    }

    private string Helm(int depth)
    {
        if (depth > 3 || (depth > 0 && random.Next(3) == 0))
        {
            return random.Next(4) switch
            {
                0 => $"new object[] {{ {string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Pick(HelmScalars)))} }}",
                1 => $"new List<object> {{ {string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ => Pick(HelmScalars)))} }}",
                _ => Pick(HelmScalars),
            };
        }

        // One initializer style per dictionary: C# does not mix Add calls and indexers.
        var addCalls = random.Next(3) == 0;
        var entries = Enumerable.Range(0, random.Next(0, 4)).Select(_ => addCalls
            ? $"{{ \"{Pick(HelmKeys)}\", {Helm(depth + 1)} }}"
            : $"[\"{Pick(HelmKeys)}\"] = {Helm(depth + 1)}");
        return $"new Dictionary<string, object> {{ {string.Join(", ", entries)} }}";
    }

    private string Pulumi()
    {
        var pad = "        ";
        var chart = Pick(["\"argo/argo-workflows\"", "\"argo-workflows\"", "Ns", "\"nginx\"", "Get<string>()"]);
        var subjects = string.Join(", ", Enumerable.Range(0, random.Next(3)).Select(_ =>
            $"new SubjectArgs {{ Kind = {Pick(["\"ServiceAccount\"", "\"Group\"", "Ns"])}, Name = {Pick(["\"argo-server\"", "\"argo\"", "Ns"])}, Namespace = {Pick(["\"argo\"", "Ns", "null"])} }}"));
        var binding = Pick(["ClusterRoleBinding", "RoleBinding"]);
        var roleRef = $"new RoleRefArgs {{ Kind = {Pick(["\"ClusterRole\"", "\"Role\""])}, Name = {Pick(["\"cluster-admin\"", "\"argo-server\"", "\"edit\"", "Ns"])} }}";
        return random.Next(5) switch
        {
            0 => $"{pad}_ = new Pulumi.Kubernetes.Helm.V3.Release(\"argo\", new Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs {{ Chart = {chart}, Values = {Helm(0)} }});",
            1 => $"{pad}_ = new Pulumi.Kubernetes.Helm.V4.Chart(\"argo\", new Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs {{ Chart = {chart}, Values = {{ [\"{Pick(HelmKeys)}\"] = {Helm(1)} }} }});",
            2 => $"{pad}_ = new Pulumi.Kubernetes.Rbac.V1.{binding}(\"b\", new {binding}Args {{ RoleRef = {roleRef}, Subjects = {{ {subjects} }} }});",
            3 => $"{pad}_ = new Pulumi.Kubernetes.Yaml.V2.ConfigGroup(\"q\", new Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs {{ Files = {{ {Pick(["\"quick-start-minimal.yaml\"", "\"https://github.com/argoproj/argo-workflows/releases/download/v4.1.2/quick-start-postgres.yaml\"", "Ns", "Get<string>()"])} }} }});",
            _ => $"{pad}_ = new Pulumi.Kubernetes.Yaml.V2.ConfigFile(\"f\", new Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigFileArgs {{ File = {Pick(["\"install.yaml\"", "\"namespace-install.yaml\"", "Ns"])} }});",
        };
    }
}
