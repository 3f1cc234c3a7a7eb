using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Tests.TestSupport;
using Pulumi;
using ConfigGroup = Pulumi.Kubernetes.Yaml.V2.ConfigGroup;

namespace ArgoSecure.Pulumi.Tests;

/// <summary>Every component registers exactly the planner's objects for its part, all parented to itself.</summary>
public sealed class ComponentRegistrationTests
{
    [Fact]
    public async Task ArgoController_RegistersThePlannedObjects_InPlanOrder()
    {
        var args = new ArgoControllerArgs();
        var (_, mocks) = await Run.Program(() => _ = new ArgoController("argo", args));

        var registered = mocks.ConfigGroups.SelectMany(Canonical.Objs).ToList();
        var planned = Planner.PlanController(args).Objects.Select(Canonical.Of).ToList();
        Assert.Equal(planned, registered);
        Assert.Equal(["argo-namespace", "argo-crds", "argo-objects", "argo-admission-guard"], mocks.ConfigGroups.Select(g => g.Name));
    }

    [Fact]
    public async Task ArgoController_EveryChildIsParentedToTheComponent()
    {
        var recorder = new ParentRecorder();
        ArgoController? controller = null;
        var (resources, _) = await Run.Program(() => controller = new ArgoController("argo", new ArgoControllerArgs(), recorder.Options()));

        AssertAllParentedTo(controller!, resources, recorder);
        Assert.Equal(4, resources.OfType<ConfigGroup>().Count());
    }

    [Fact]
    public async Task ArgoController_ObjectsWaitForNamespaceAndCrds()
    {
        var recorder = new ParentRecorder();
        var (resources, _) = await Run.Program(() => _ = new ArgoController("argo", new ArgoControllerArgs(), recorder.Options()));

        var groups = resources.OfType<ConfigGroup>().ToDictionary(g => g.GetResourceName());
        var options = recorder.Seen.ToDictionary(s => s.Resource, s => s.Options);
        Assert.Empty(await Run.DependsOn(options[groups["argo-namespace"]]));
        Assert.Empty(await Run.DependsOn(options[groups["argo-crds"]]));
        Assert.Equal([groups["argo-namespace"], groups["argo-crds"]], await Run.DependsOn(options[groups["argo-objects"]]));
        Assert.Equal([groups["argo-namespace"], groups["argo-crds"]], await Run.DependsOn(options[groups["argo-admission-guard"]]));
    }

    [Fact]
    public async Task ArgoController_WithoutNamespaceCrdsOrGuard_RegistersOnlyItsObjects()
    {
        var args = new ArgoControllerArgs { CreateNamespace = false, InstallCrds = false, Scope = InstallScope.Namespaced("argo-workflows") };
        var (_, mocks) = await Run.Program(() => _ = new ArgoController("argo", args));

        Assert.Equal(["argo-objects"], mocks.ConfigGroups.Select(g => g.Name));
        Assert.Equal(Planner.PlanController(args).Objects.Select(Canonical.Of), Canonical.Objs(mocks.ConfigGroups.Single()));
        Assert.DoesNotContain(Planner.PlanController(args).Objects, o => o.Kind is "Namespace" or "CustomResourceDefinition" or "ClusterRole");
    }

    [Fact]
    public async Task ArgoServer_RegistersThePlannedObjects_ParentedToItself()
    {
        var args = new ArgoServerArgs
        {
            AuthModes = [AuthMode.Client, AuthMode.Sso],
            Sso = new SsoArgs
            {
                Issuer = "https://login.example.com",
                RedirectUrl = "https://argo.example.com/oauth2/callback",
                RbacRules = [new SsoRbacRule { ServiceAccountName = "argo-admins", Expression = "'admins' in groups" }],
            },
        };
        var recorder = new ParentRecorder();
        ArgoServer? server = null;
        var (resources, mocks) = await Run.Program(() => server = new ArgoServer("argo-server", args, recorder.Options()));

        AssertAllParentedTo(server!, resources, recorder);
        Assert.Equal(["argo-server-objects"], mocks.ConfigGroups.Select(g => g.Name));
        Assert.Equal(Planner.PlanServer(args).Objects.Select(Canonical.Of), Canonical.Objs(mocks.ConfigGroups.Single()));
    }

    [Fact]
    public async Task WorkflowNamespace_RegistersThePlannedObjects_ParentedToItself()
    {
        var args = new WorkflowNamespaceArgs
        {
            Name = "team-a",
            Submitters = [RbacSubject.Group("team-a-developers")],
            Viewers = [RbacSubject.Group("auditors")],
        };
        var recorder = new ParentRecorder();
        WorkflowNamespace? workflowNamespace = null;
        var (resources, mocks) = await Run.Program(() => workflowNamespace = new WorkflowNamespace("team-a", args, recorder.Options()));

        AssertAllParentedTo(workflowNamespace!, resources, recorder);
        Assert.Equal(["team-a-namespace", "team-a-objects"], mocks.ConfigGroups.Select(g => g.Name));
        Assert.Equal(Planner.PlanWorkflowNamespace(args).Objects.Select(Canonical.Of), mocks.ConfigGroups.SelectMany(Canonical.Objs));
        var namespaceGroup = Assert.Single(Canonical.Objs(mocks.ConfigGroups[0]));
        Assert.Contains("\"kind\":\"Namespace\"", namespaceGroup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArgoWorkflows_ChildComponentsAndTheirGroups_AreParentedDownTheTree()
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }, new WorkflowNamespaceArgs { Name = "team-b" }] };
        var recorder = new ParentRecorder();
        ArgoWorkflows? argo = null;
        var (resources, _) = await Run.Program(() => argo = new ArgoWorkflows("argo", args, recorder.Options()));

        var root = argo!;
        Assert.Equal("argosecure:index:ArgoWorkflows", root.GetResourceType());
        Assert.Equal("argosecure:index:ArgoController", root.Controller.GetResourceType());
        Assert.Equal("argosecure:index:ArgoServer", root.Server!.GetResourceType());
        Assert.All(root.WorkflowNamespaces, n => Assert.Equal("argosecure:index:WorkflowNamespace", n.GetResourceType()));
        Assert.All(resources.Where(r => r is not Stack), r => Assert.True(recorder.Saw(r), $"{r.GetResourceType()} {r.GetResourceName()} is not under the component"));
        Assert.Same(root, recorder.ParentOf(root.Controller));
        Assert.Same(root, recorder.ParentOf(root.Server!));
        Assert.All(root.WorkflowNamespaces, n => Assert.Same(root, recorder.ParentOf(n)));
        Assert.Equal(["argo-namespace-team-a", "argo-namespace-team-b"], root.WorkflowNamespaces.Select(n => n.GetResourceName()));

        var children = new Resource[] { root.Controller, root.Server! }.Concat(root.WorkflowNamespaces).ToList();
        foreach (var group in resources.OfType<ConfigGroup>())
        {
            Assert.Contains(recorder.ParentOf(group), children);
        }

        var options = recorder.Seen.ToDictionary(s => s.Resource, s => s.Options);
        Assert.Equal([root.Controller], await Run.DependsOn(options[root.Server!]));
        foreach (var workflowNamespace in root.WorkflowNamespaces)
        {
            Assert.Equal([root.Controller], await Run.DependsOn(options[workflowNamespace]));
        }
    }

    [Theory]
    [MemberData(nameof(WholeInstalls))]
    public async Task ArgoWorkflows_RegisteredObjects_EqualTheRenderOfTheSameArgs(string scenario, ArgoWorkflowsArgs args)
    {
        var (_, mocks) = await Run.Program(() => _ = new ArgoWorkflows("argo", args));

        var plan = Planner.Plan(args);
        var registered = mocks.ConfigGroups.SelectMany(Canonical.Objs).Order(StringComparer.Ordinal).ToList();
        var rendered = plan.Objects.Select(Canonical.Of).Order(StringComparer.Ordinal).ToList();
        Assert.True(rendered.SequenceEqual(registered), scenario);

        // The render of the same Args has one YAML document per registered object.
        var documents = Rendering.ManifestRenderer.Render(plan).Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(registered.Count, documents.Length);
    }

    public static TheoryData<string, ArgoWorkflowsArgs> WholeInstalls() => new()
    {
        { "cluster, server, two namespaces", new ArgoWorkflowsArgs { WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a", Submitters = [RbacSubject.Group("devs")] }, new WorkflowNamespaceArgs { Name = "team-b" }] } },
        { "cluster, no server", new ArgoWorkflowsArgs { Server = null, WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "batch" }] } },
        { "namespaced, managed namespace added", new ArgoWorkflowsArgs { Controller = new ArgoControllerArgs { Namespace = "argo-system", Scope = InstallScope.Namespaced("argo-workflows") } } },
        {
            "replicas and persistence", new ArgoWorkflowsArgs
            {
                Controller = new ArgoControllerArgs
                {
                    Replicas = 2,
                    Persistence = new PersistenceArgs { Host = "db.example.com", Cidr = "10.0.0.0/24" },
                },
                Server = new ArgoServerArgs { Replicas = 2, IngressFromNamespaces = ["ingress-nginx"] },
                WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }],
            }
        },
        {
            "every feature switch on", new ArgoWorkflowsArgs
            {
                Controller = new ArgoControllerArgs
                {
                    ImageEntrypoints = new ImageEntrypointArgs
                    {
                        Index = [new ImageEntrypoint { Image = "busybox:1.36", Cmd = ["sh"] }],
                        RegistryEgress = [new EgressTarget { Cidr = "10.50.0.0/16" }],
                    },
                },
                WorkflowNamespaces =
                [
                    new WorkflowNamespaceArgs
                    {
                        Name = "team-a",
                        ImagePullSecrets = ["registry-credentials"],
                        MemoizationCaches = ["team-a-cache"],
                        LargeTemplateOffload = true,
                        HttpTemplates = new HttpTemplatesArgs { Egress = [new EgressTarget { Cidr = "203.0.113.0/24" }], HeaderSecrets = ["hooks-token"] },
                    },
                    new WorkflowNamespaceArgs { Name = "team-b" },
                ],
            }
        },
    };

    private static void AssertAllParentedTo(Resource component, IEnumerable<Resource> resources, ParentRecorder recorder)
    {
        var others = resources.Where(r => r is not Stack && !ReferenceEquals(r, component)).ToList();
        Assert.NotEmpty(others);
        Assert.True(recorder.Saw(component));
        Assert.All(others, r =>
        {
            Assert.True(recorder.Saw(r), $"{r.GetResourceType()} {r.GetResourceName()} was not created under the component");
            Assert.Same(component, recorder.ParentOf(r));
        });
    }
}
