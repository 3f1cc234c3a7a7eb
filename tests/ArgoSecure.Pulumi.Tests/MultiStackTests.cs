using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Tests.TestSupport;
using Pulumi.Kubernetes;

namespace ArgoSecure.Pulumi.Tests;

/// <summary>
/// A platform stack installs the controller and the server; a team stack adds its workflow namespace knowing only
/// the controller's namespace and scope (the platform stack's outputs). Together they equal the one-stack install.
/// </summary>
public sealed class MultiStackTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PlatformAndTeamStacks_TogetherRegister_TheOneStackInstall(bool namespaced)
    {
        var scope = namespaced ? InstallScope.Namespaced("team-a") : InstallScope.Cluster;

        // Platform stack.
        ArgoController? controller = null;
        var (_, platform) = await Run.Program(() =>
        {
            controller = new ArgoController("argo", new ArgoControllerArgs { Namespace = "argo-system", Scope = scope });
            _ = new ArgoServer("argo-server", new ArgoServerArgs { Namespace = "argo-system", Scope = scope });
        });
        var controllerNamespace = await Run.Value(controller!.Namespace);
        var managedNamespace = await Run.Value(controller.ManagedNamespace);

        // Team stack: rebuilds the scope from the platform's two outputs.
        var teamScope = managedNamespace is null ? InstallScope.Cluster : InstallScope.Namespaced(managedNamespace);
        var (_, team) = await Run.Program(() => _ = new WorkflowNamespace("team-a", new WorkflowNamespaceArgs
        {
            Name = "team-a",
            ControllerNamespace = controllerNamespace,
            Scope = teamScope,
        }));

        var oneStack = Planner.Plan(new ArgoWorkflowsArgs
        {
            Controller = new ArgoControllerArgs { Namespace = "argo-system", Scope = scope },
            WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }],
        });
        var expected = oneStack.Objects.Select(Canonical.Of).Order(StringComparer.Ordinal);
        var actual = platform.ConfigGroups.Concat(team.ConfigGroups).SelectMany(Canonical.Objs).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task FeatureSwitches_AcrossStacks_EqualTheOneStackInstall()
    {
        // docs/pulumi.md: the team repeats the controller's ImageEntrypoints; the platform lists the team's caches.
        var entrypoints = new ImageEntrypointArgs { Index = [new ImageEntrypoint { Image = "busybox:1.36", Cmd = ["sh"] }] };
        var (_, platform) = await Run.Program(() =>
            _ = new ArgoController("argo", new ArgoControllerArgs { ImageEntrypoints = entrypoints, MemoizationCaches = ["team-a-cache"] }));
        WorkflowNamespaceArgs Team() => new()
        {
            Name = "team-a",
            ServerEnabled = false,
            MemoizationCaches = ["team-a-cache"],
            HttpTemplates = new HttpTemplatesArgs { Egress = [new EgressTarget { Cidr = "203.0.113.0/24" }] },
        };
        var (_, team) = await Run.Program(() =>
        {
            var args = Team();
            args.ImageEntrypoints = entrypoints;
            _ = new WorkflowNamespace("team-a", args);
        });

        var oneStack = Planner.Plan(new ArgoWorkflowsArgs { Controller = new ArgoControllerArgs { ImageEntrypoints = entrypoints }, Server = null, WorkflowNamespaces = [Team()] });
        var expected = oneStack.Objects.Select(Canonical.Of).Order(StringComparer.Ordinal);
        var actual = platform.ConfigGroups.Concat(team.ConfigGroups).SelectMany(Canonical.Objs).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task TeamStack_BindsTheControllerOfThePlatformNamespace()
    {
        var (_, team) = await Run.Program(() => _ = new WorkflowNamespace("team-b", new WorkflowNamespaceArgs
        {
            Name = "team-b",
            ControllerNamespace = "platform-argo",
        }));

        var objs = team.ConfigGroups.SelectMany(Canonical.Objs).ToList();
        Assert.Contains(objs, o => o.Contains("\"kind\":\"RoleBinding\"", StringComparison.Ordinal)
            && o.Contains("\"name\":\"workflow-controller\",\"namespace\":\"platform-argo\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Children_SetNoProviderOfTheirOwn_SoTheyInheritTheUsers_AndNoProviderIsCreated()
    {
        // Under mocks a remote component's providers are not passed to IMocks; what the components control is that
        // no child names a provider (so the SDK hands down the parent's) and that none is created.
        var recorder = new ParentRecorder();
        var options = recorder.Options();
        var (resources, mocks) = await Run.Program(() =>
        {
            var provider = new Provider("cluster-a", new ProviderArgs { RenderYamlToDirectory = "rendered" });
            options.Providers.Add(provider);
            _ = new ArgoWorkflows("argo", new ArgoWorkflowsArgs { WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }] }, options);
        });

        Assert.Single(resources.OfType<global::Pulumi.ProviderResource>());
        Assert.NotEmpty(mocks.ConfigGroups);
        var children = recorder.Seen.Where(s => s.Options.Parent is not null).ToList();
        Assert.Equal(resources.Count(r => r is not global::Pulumi.Stack && r is not global::Pulumi.ProviderResource) - 1, children.Count);
        Assert.All(children, c =>
        {
            Assert.Null(c.Options.Provider);
            Assert.Empty(((global::Pulumi.ComponentResourceOptions)c.Options).Providers);
        });
    }
}
