using ArgoSecure.Pulumi.Tests.TestSupport;
using ConfigGroup = Pulumi.Kubernetes.Yaml.V2.ConfigGroup;

namespace ArgoSecure.Pulumi.Tests;

/// <summary>The outputs other stacks need resolve, are registered, and stay unknown in a preview until the objects exist.</summary>
public sealed class OutputTests
{
    [Fact]
    public async Task ClusterInstall_OutputsResolve()
    {
        ArgoWorkflows? argo = null;
        var (_, mocks) = await Run.Program(() => argo = new ArgoWorkflows("argo", new ArgoWorkflowsArgs
        {
            Controller = new ArgoControllerArgs { Namespace = "argo-system" },
            WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }],
        }));

        Assert.Equal("argo-system", await Run.Value(argo!.Namespace));
        Assert.Null(await Run.Value(argo.ManagedNamespace));
        Assert.Equal("argo-server", await Run.Value(argo.ServerServiceName));
        Assert.Equal(2746, await Run.Value(argo.ServerPort));
        Assert.Equal(["team-a"], (await Run.Value(argo.WorkflowNamespaceNames)).ToArray());
        Assert.Equal("argo-system", await Run.Value(argo.Server!.Namespace));

        var team = Assert.Single(argo.WorkflowNamespaces);
        Assert.Equal("team-a", await Run.Value(team.Namespace));
        Assert.Equal("argo-workflow", await Run.Value(team.WorkflowServiceAccountName));
        Assert.Equal("argo-executor", await Run.Value(team.ExecutorServiceAccountName));
        // Pulumi omits null outputs (managedNamespace of a cluster install) from what it registers.
        Assert.Contains(mocks.RegisteredOutputs, o => o.Keys.SequenceEqual(["namespace", "serverPort", "serverServiceName", "workflowNamespaces"]));
    }

    [Fact]
    public async Task NamespaceInstall_ExposesTheManagedNamespace()
    {
        ArgoController? controller = null;
        var (_, mocks) = await Run.Program(() => controller = new ArgoController("argo", new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo-workflows") }));

        Assert.Equal("argo", await Run.Value(controller!.Namespace));
        Assert.Equal("argo-workflows", await Run.Value(controller.ManagedNamespace));
        Assert.Contains(mocks.RegisteredOutputs, o => o.Keys.SequenceEqual(["managedNamespace", "namespace"]));
    }

    [Fact]
    public async Task WithoutServer_ServerOutputsAreNull()
    {
        ArgoWorkflows? argo = null;
        await Run.Program(() => argo = new ArgoWorkflows("argo", new ArgoWorkflowsArgs { Server = null }));

        Assert.Null(argo!.Server);
        Assert.Null(await Run.Value(argo.ServerServiceName));
        Assert.Null(await Run.Value(argo.ServerPort));
    }

    [Fact]
    public async Task Preview_RegistersTheSameObjects_WithUnknownOutputs()
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }] };
        ArgoWorkflows? argo = null;
        var (resources, mocks) = await Run.Program(() => argo = new ArgoWorkflows("argo", args), preview: true);

        Assert.False(await Run.IsKnown(argo!.Namespace));
        Assert.False(await Run.IsKnown(argo.Controller.Namespace));
        Assert.False(await Run.IsKnown(argo.Server!.ServicePort));
        Assert.False(await Run.IsKnown(argo.WorkflowNamespaces[0].WorkflowServiceAccountName));
        Assert.False(await Run.IsKnown(resources.OfType<ConfigGroup>().First().Resources));

        var registered = mocks.ConfigGroups.SelectMany(Canonical.Objs).Order(StringComparer.Ordinal);
        var planned = Planning.Planner.Plan(args).Objects.Select(Canonical.Of).Order(StringComparer.Ordinal);
        Assert.Equal(planned, registered);
    }
}
