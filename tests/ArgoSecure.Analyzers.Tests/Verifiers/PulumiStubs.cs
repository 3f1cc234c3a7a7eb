namespace ArgoSecure.Analyzers.Tests.Verifiers;

/// <summary>
/// Minimal look-alikes of the Pulumi and Pulumi.Kubernetes types the analyzers read, with the same full
/// metadata names (reference/pulumi-api.md), because the Pulumi packages are not served on this machine.
/// </summary>
public static class PulumiStubs
{
    /// <summary>The C# source of the look-alike types.</summary>
    public const string Source = """
        #nullable enable
        namespace Pulumi
        {
            using System.Collections.Generic;
            public class Input<T>
            {
                public static implicit operator Input<T>(T value) => new Input<T>();
            }
            public sealed class InputList<T> : Input<System.Collections.Immutable.ImmutableArray<T>>, System.Collections.IEnumerable
            {
                public void Add(params Input<T>[] inputs) { }
                public System.Collections.IEnumerator GetEnumerator() => new T[0].GetEnumerator();
                public static implicit operator InputList<T>(T[] values) => new InputList<T>();
                public static implicit operator InputList<T>(List<T> values) => new InputList<T>();
            }
            public sealed class InputMap<V> : Input<System.Collections.Immutable.ImmutableDictionary<string, V>>, System.Collections.IEnumerable
            {
                public Input<V> this[string key] { set { } }
                public void Add(string key, Input<V> value) { }
                public System.Collections.IEnumerator GetEnumerator() => new object[0].GetEnumerator();
                public static implicit operator InputMap<V>(Dictionary<string, V> values) => new InputMap<V>();
            }
            public readonly struct Union<T0, T1>
            {
                public static implicit operator Union<T0, T1>(T0 value) => default;
                public static implicit operator Union<T0, T1>(T1 value) => default;
            }
            public abstract class ResourceArgs { }
            public class Resource { }
            public class CustomResource : Resource { }
            public class ComponentResource : Resource { }
            public class ProviderResource : CustomResource { }
            public sealed class CustomResourceOptions { }
            public sealed class ComponentResourceOptions
            {
                public List<ProviderResource> Providers { get; set; } = new();
                public InputList<Resource> DependsOn { get; set; } = new();
            }
        }
        namespace Pulumi.Kubernetes.Types.Inputs.Helm.V3
        {
            public class ReleaseArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string> Chart { get; set; } = null!;
                public Pulumi.Input<string>? Namespace { get; set; }
                public Pulumi.Input<string>? Version { get; set; }
                public Pulumi.InputMap<object> Values { get; set; } = new();
                public Pulumi.InputList<string> ValueYamlFiles { get; set; } = new();
            }
        }
        namespace Pulumi.Kubernetes.Helm.V3
        {
            public class Release : Pulumi.CustomResource
            {
                public Release(string name, Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs? args = null, Pulumi.CustomResourceOptions? options = null) { }
            }
        }
        namespace Pulumi.Kubernetes.Helm
        {
            public class BaseChartArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string>? Namespace { get; set; }
                public Pulumi.InputMap<object> Values { get; set; } = new();
            }
            public class ChartArgs : BaseChartArgs
            {
                public Pulumi.Input<string>? Repo { get; set; }
                public Pulumi.Input<string> Chart { get; set; } = null!;
                public Pulumi.Input<string>? Version { get; set; }
            }
            public class LocalChartArgs : BaseChartArgs
            {
                public string Path { get; set; } = null!;
            }
        }
        namespace Pulumi.Kubernetes.Helm.V3
        {
            public sealed class Chart : Pulumi.ComponentResource
            {
                public Chart(string releaseName, Pulumi.Union<Pulumi.Kubernetes.Helm.ChartArgs, Pulumi.Kubernetes.Helm.LocalChartArgs> args, Pulumi.ComponentResourceOptions? options = null) { }
            }
        }
        namespace Pulumi.Kubernetes.Types.Inputs.Helm.V4
        {
            public class ChartArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string> Chart { get; set; } = null!;
                public Pulumi.Input<string>? Namespace { get; set; }
                public Pulumi.InputMap<object> Values { get; set; } = new();
            }
        }
        namespace Pulumi.Kubernetes.Helm.V4
        {
            public class Chart : Pulumi.ComponentResource
            {
                public Chart(string name, Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs? args = null, Pulumi.ComponentResourceOptions? options = null) { }
            }
        }
        namespace Pulumi.Kubernetes.Types.Inputs.Yaml.V2
        {
            public class ConfigFileArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string> File { get; set; } = null!;
            }
            public class ConfigGroupArgs : Pulumi.ResourceArgs
            {
                public Pulumi.InputList<string> Files { get; set; } = new();
                public Pulumi.InputList<object> Objs { get; set; } = new();
            }
        }
        namespace Pulumi.Kubernetes.Yaml.V2
        {
            public class ConfigFile : Pulumi.ComponentResource
            {
                public ConfigFile(string name, Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigFileArgs? args = null, Pulumi.ComponentResourceOptions? options = null) { }
            }
            public class ConfigGroup : Pulumi.ComponentResource
            {
                public ConfigGroup(string name, Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs? args = null, Pulumi.ComponentResourceOptions? options = null) { }
            }
        }
        namespace Pulumi.Kubernetes.Yaml
        {
            public class ConfigFileArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string>? File { get; set; }
            }
            public class ConfigGroupArgs : Pulumi.ResourceArgs
            {
                public string[]? Files { get; set; }
            }
            public sealed class ConfigFile : Pulumi.ComponentResource
            {
                public ConfigFile(string name, ConfigFileArgs? args = null, Pulumi.ComponentResourceOptions? options = null) { }
            }
            public sealed class ConfigGroup : Pulumi.ComponentResource
            {
                public ConfigGroup(string name, ConfigGroupArgs config, Pulumi.ComponentResourceOptions? options = null) { }
            }
        }
        namespace Pulumi.Kubernetes.Types.Inputs.Meta.V1
        {
            public class ObjectMetaArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string>? Name { get; set; }
                public Pulumi.Input<string>? Namespace { get; set; }
            }
        }
        namespace Pulumi.Kubernetes.Types.Inputs.Rbac.V1
        {
            public class RoleRefArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string> ApiGroup { get; set; } = null!;
                public Pulumi.Input<string> Kind { get; set; } = null!;
                public Pulumi.Input<string> Name { get; set; } = null!;
            }
            public class SubjectArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string>? ApiGroup { get; set; }
                public Pulumi.Input<string> Kind { get; set; } = null!;
                public Pulumi.Input<string> Name { get; set; } = null!;
                public Pulumi.Input<string>? Namespace { get; set; }
            }
            public class RoleBindingArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs>? Metadata { get; set; }
                public Pulumi.Input<RoleRefArgs> RoleRef { get; set; } = null!;
                public Pulumi.InputList<SubjectArgs> Subjects { get; set; } = new();
            }
            public class ClusterRoleBindingArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs>? Metadata { get; set; }
                public Pulumi.Input<RoleRefArgs> RoleRef { get; set; } = null!;
                public Pulumi.InputList<SubjectArgs> Subjects { get; set; } = new();
            }
        }
        namespace Pulumi.Kubernetes.Rbac.V1
        {
            public class RoleBinding : Pulumi.CustomResource
            {
                public RoleBinding(string name, Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleBindingArgs? args = null, Pulumi.CustomResourceOptions? options = null) { }
            }
            public class ClusterRoleBinding : Pulumi.CustomResource
            {
                public ClusterRoleBinding(string name, Pulumi.Kubernetes.Types.Inputs.Rbac.V1.ClusterRoleBindingArgs? args = null, Pulumi.CustomResourceOptions? options = null) { }
            }
        }
        """;
}
