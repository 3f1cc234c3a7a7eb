using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Planning;

public class RbacTests
{
    private static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection"];

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void NoRule_HasAWildcard(string variant)
    {
        foreach (var rule in RbacGrants.AllRules(VariantData.Get(variant)))
        {
            var words = rule.ApiGroups.Concat(rule.Resources).Concat(rule.Verbs).Concat(rule.ResourceNames ?? []);
            Assert.DoesNotContain(words, w => w.Contains('*', StringComparison.Ordinal));
            Assert.Null(rule.NonResourceURLs);
        }
    }

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void SecretAccess_IsByName_ExceptCreate(string variant)
    {
        foreach (var rule in RbacGrants.AllRules(VariantData.Get(variant)).Where(r => r.ApiGroups.Contains("") && r.Resources.Contains("secrets")))
        {
            if (rule.ResourceNames is not { Count: > 0 })
            {
                Assert.Equal(["create"], rule.Verbs);
            }
        }
    }

    [Fact]
    public void NamespaceInstall_RendersNoClusterRoleOrBinding()
    {
        foreach (var manifests in new[] { Manifests.RenderSample("namespaced.yaml"), Manifests.Render(ArgsVariants.All().Single(v => v.Name.StartsWith("namespace install", StringComparison.Ordinal)).Args) })
        {
            Assert.Empty(manifests.ClusterRoles);
            Assert.Empty(manifests.ClusterRoleBindings);
            Assert.NotEmpty(manifests.Roles);
        }
    }

    [Theory]
    [MemberData(nameof(VariantData.Names), MemberType = typeof(VariantData))]
    public void NobodyMayCreateWorkflows_InTheControllerNamespace(string variant)
    {
        var manifests = VariantData.Get(variant);
        var controllerNamespace = manifests.Deployments.Single(d => d.Metadata.Name == "workflow-controller").Metadata.NamespaceProperty;
        var offending = RbacGrants.Resolve(manifests)
            .Where(g => g.Group == "argoproj.io" && g.Resource is "workflows" or "cronworkflows" && g.Verb is "create" or "update" or "patch")
            .Where(g => g.Namespace == controllerNamespace || g.Namespace == "*")
            .ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public void ClientOnlyServer_HasNoWriteVerbs()
    {
        var args = new ArgoWorkflowsArgs
        {
            Server = new() { AuthModes = [AuthMode.Client], AccessLevel = ServerAccessLevel.ReadWrite },
            WorkflowNamespaces = [new() { Name = "team" }],
        };
        foreach (var manifests in new[] { Manifests.Render(args), Manifests.RenderSample("namespaced.yaml") })
        {
            var server = RbacGrants.Resolve(manifests).Where(g => g.Subject.EndsWith("/argo-server", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(server);
            Assert.DoesNotContain(server, g => WriteVerbs.Contains(g.Verb));
            Assert.DoesNotContain(server, g => g.Resource == "pods/exec");
        }
    }

    [Fact]
    public void SsoWithRbac_ServerCreatesOnlyItsKeySecret_AndReadsSecretsByName()
    {
        var server = RbacGrants.Resolve(Manifests.RenderSample("cluster.yaml")).Where(g => g.Subject == "ServiceAccount argo/argo-server").ToList();
        Assert.Equal(["create"], server.Where(g => g.Resource == "secrets" && WriteVerbs.Contains(g.Verb)).Select(g => g.Verb).Distinct());
        Assert.Equal(
            ["argo-server-sso", "argo-server-tls", "argo-sso-admins.service-account-token", "argo-sso-readers.service-account-token", "sso"],
            server.Where(g => g.Resource == "secrets" && g.Verb == "get").Select(g => g.ResourceName!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(server, g => g.Group == "argoproj.io" && WriteVerbs.Contains(g.Verb));
    }

    [Fact]
    public void ServerActingForCallers_ReadOnly_GetsOnlyReadVerbs()
    {
        var manifests = VariantData.Get("SSO without RBAC, read-only");
        var server = RbacGrants.Resolve(manifests).Where(g => g.Subject == "ServiceAccount argo/argo-server" && g.Resource != "secrets").ToList();
        Assert.Contains(server, g => g.Resource == "pods/log" && g.Verb == "get");
        Assert.All(server, g => Assert.Contains(g.Verb, new[] { "get", "list", "watch" }));
    }

    [Fact]
    public void ServerActingForCallers_ReadWrite_GetsWriteVerbs()
    {
        var manifests = VariantData.Get("server mode read-write, risks accepted");
        var server = RbacGrants.Resolve(manifests).Where(g => g.Subject == "ServiceAccount argo/argo-server").ToList();
        Assert.Contains(server, g => g.Resource == "workflows" && g.Verb == "create");
        Assert.DoesNotContain(server, g => g.Resource == "pods/exec");
    }

    [Fact]
    public void ClusterInstall_ControllerWritesOnlyInWorkflowNamespaces()
    {
        var grants = RbacGrants.Resolve(Manifests.RenderSample("cluster.yaml")).Where(g => g.Subject == "ServiceAccount argo/workflow-controller").ToList();
        var podCreate = grants.Where(g => g.Resource == "pods" && g.Verb == "create").Select(g => g.Namespace).Order(StringComparer.Ordinal);
        Assert.Equal(["team-a", "team-b"], podCreate);
        Assert.All(grants.Where(g => g.Namespace == "*"), g => Assert.Contains(g.Verb, new[] { "get", "list", "watch" }));
    }

    [Fact]
    public void WorkflowNamespace_ExecutorMayOnlyReportTaskResults()
    {
        var grants = RbacGrants.Resolve(Manifests.RenderSample("cluster.yaml")).Where(g => g.Subject == "ServiceAccount team-a/argo-executor").ToList();
        Assert.Equal(["create", "patch"], grants.Select(g => g.Verb).Order(StringComparer.Ordinal));
        Assert.All(grants, g => Assert.Equal("workflowtaskresults", g.Resource));
        // The workflow account holds nothing where HTTP templates are off (team-b); in team-a it is the agent's (FeatureGrantTests).
        Assert.DoesNotContain(RbacGrants.Resolve(Manifests.RenderSample("cluster.yaml")), g => g.Subject == "ServiceAccount team-b/argo-workflow");
    }

    [Fact]
    public void Submitters_CreateAndReadWorkflows_ViewersOnlyRead()
    {
        var grants = RbacGrants.Resolve(Manifests.RenderSample("cluster.yaml"));
        var submitter = grants.Where(g => g.Subject == "Group team-a-developers").ToList();
        Assert.Contains(submitter, g => g.Resource == "workflows" && g.Verb == "create" && g.Namespace == "team-a");
        Assert.DoesNotContain(submitter, g => g.Namespace != "team-a");
        var viewer = grants.Where(g => g.Subject == "Group auditors").ToList();
        Assert.NotEmpty(viewer);
        Assert.All(viewer, g => Assert.Contains(g.Verb, new[] { "get", "list", "watch" }));
        Assert.Contains(viewer, g => g.Resource == "pods/log");
    }

    [Fact]
    public void NoRole_AggregatesIntoBuiltInRoles()
    {
        foreach (var (_, manifests) in Manifests.Variants())
        {
            foreach (var role in manifests.ClusterRoles)
            {
                Assert.DoesNotContain(role.Metadata.Labels ?? new Dictionary<string, string>(), l => l.Key.StartsWith("rbac.authorization.k8s.io/aggregate-to", StringComparison.Ordinal));
            }
        }
    }
}
