namespace ArgoSecure.Benchmarks.Editor;

/// <summary>
/// Look-alikes of the rest of what the Pulumi samples call (Deployment, Config, the Kubernetes provider and
/// ArgoSecure.Pulumi's components), beside the analyzer tests' Pulumi look-alikes, so a sample compiles here.
/// </summary>
internal static class SampleStubs
{
    /// <summary>The implicit usings of an SDK-style project.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public const string Source = """
        #nullable enable
        namespace Pulumi
        {
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public class Output<T> { }
            public static class Deployment
            {
                public static Task<int> RunAsync(Func<IDictionary<string, object?>> func) => Task.FromResult(0);
                public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func) => Task.FromResult(0);
            }
            public sealed class Config
            {
                public string? Get(string key) => null;
                public string Require(string key) => key;
            }
            public sealed class StackReference : CustomResource
            {
                public StackReference(string name) { }
                public Task<object> RequireValueAsync(string name) => Task.FromResult<object>(name);
                public Task<object?> GetValueAsync(string name) => Task.FromResult<object?>(null);
            }
        }
        namespace Pulumi.Kubernetes
        {
            public sealed class ProviderArgs : Pulumi.ResourceArgs
            {
                public Pulumi.Input<string>? RenderYamlToDirectory { get; set; }
            }
            public sealed class Provider : Pulumi.ProviderResource
            {
                public Provider(string name, ProviderArgs? args = null) { }
            }
        }
        namespace ArgoSecure.Pulumi
        {
            using System.Collections.Immutable;
            using global::Pulumi;
            public sealed class ArgoWorkflows : ComponentResource
            {
                public ArgoWorkflows(string name, ArgoSecure.ArgoWorkflowsArgs args, ComponentResourceOptions? options = null) { }
                public Output<string> Namespace { get; } = new();
                public Output<string?> ManagedNamespace { get; } = new();
                public Output<string?> ServerServiceName { get; } = new();
                public Output<int?> ServerPort { get; } = new();
                public Output<ImmutableArray<string>> WorkflowNamespaceNames { get; } = new();
            }
            public sealed class ArgoController : ComponentResource
            {
                public ArgoController(string name, ArgoSecure.ArgoControllerArgs args, ComponentResourceOptions? options = null) { }
                public Output<string> Namespace { get; } = new();
                public Output<string?> ManagedNamespace { get; } = new();
            }
            public sealed class ArgoServer : ComponentResource
            {
                public ArgoServer(string name, ArgoSecure.ArgoServerArgs args, ComponentResourceOptions? options = null) { }
                public Output<string> Namespace { get; } = new();
                public Output<string> ServiceName { get; } = new();
                public Output<int> ServicePort { get; } = new();
            }
            public sealed class WorkflowNamespace : ComponentResource
            {
                public WorkflowNamespace(string name, ArgoSecure.WorkflowNamespaceArgs args, ComponentResourceOptions? options = null) { }
                public Output<string> Namespace { get; } = new();
                public Output<string> WorkflowServiceAccountName { get; } = new();
                public Output<string> ExecutorServiceAccountName { get; } = new();
            }
        }
        """;
}
