using ArgoSecure.Options;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Options;

public class OptionsFileTests
{
    [Fact]
    public void Samples_BindToTheArgsTheyDescribe()
    {
        var cluster = OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", "cluster.yaml"));
        Assert.Equal(InstallScope.Cluster, cluster.Controller.Scope);
        Assert.Equal(["team-a", "team-b"], cluster.WorkflowNamespaces.Select(n => n.Name));
        Assert.Equal([AuthMode.Sso], cluster.Server!.AuthModes);
        Assert.True(cluster.Server.Sso!.RbacEnabled);
        Assert.Equal(ServerAccessLevel.ReadOnly, cluster.Server.AccessLevel);
        Assert.Equal(SubjectKind.ServiceAccount, cluster.WorkflowNamespaces[0].Submitters[1].Kind);

        var namespaced = OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", "namespaced.yaml"));
        Assert.Equal(InstallScope.Namespaced("argo-workflows"), namespaced.Controller.Scope);
        Assert.Equal([AuthMode.Client], namespaced.Server!.AuthModes);
    }

    [Fact]
    public void FeatureSwitchOptions_OfTheDocs_BindAndRender()
    {
        // The options block of docs/least-privilege.md, read from the page so the docs cannot drift.
        var page = File.ReadAllText(Path.Combine(Upstream.RepositoryRoot, "docs", "least-privilege.md")).ReplaceLineEndings("\n");
        var section = page[page.IndexOf("## Feature switches", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var args = OptionsFile.Parse(yaml);

        var entrypoints = args.Controller.ImageEntrypoints;
        Assert.Equal(("python:3.12-slim", "python3"), (entrypoints.Index.Single().Image, entrypoints.Index.Single().Cmd.Single()));
        Assert.Equal("10.50.0.0/16:443", entrypoints.RegistryEgress.Single().ToString());
        var team = args.WorkflowNamespaces.Single();
        Assert.Equal(["registry-credentials"], team.ImagePullSecrets);
        Assert.Equal(["team-a-build-cache"], team.MemoizationCaches);
        Assert.True(team.LargeTemplateOffload);
        Assert.Equal(["hooks-token"], team.HttpTemplates!.HeaderSecrets);
        Assert.NotEmpty(ArgoSecure.Planning.Planner.Plan(args).Objects);

        var sample = OptionsFile.Load(Path.Combine(Upstream.RepositoryRoot, "samples", "options", "cluster.yaml"));
        Assert.Equal(["busybox:1.36", "python:3.12-slim", "curlimages/curl:8.10.1"], sample.Controller.ImageEntrypoints.Index.Select(i => i.Image));
        Assert.NotNull(sample.WorkflowNamespaces[0].HttpTemplates);
        Assert.Null(sample.WorkflowNamespaces[1].HttpTemplates);
        Assert.Throws<OptionsException>(() => OptionsFile.Parse("controller:\n  imageEntrypoints:\n    images: []\n"));
    }

    [Fact]
    public void EnforcementOptions_Bind_AsDocumented()
    {
        // The options of docs/enforcement.md.
        var args = OptionsFile.Parse("""
            controller:
              admissionGuard: true
              workflowSpecEnforcement: Deny
            workflowNamespaces:
              - name: team-a
                allowedServiceAccounts: [team-a-deployer]
                workflowSpecEnforcement: Warn
                acceptedRisks:
                  - ruleId: ARGO0019
                    justification: GPU tolerations until the templates support them
              - name: team-b
            """);

        Assert.Equal(WorkflowSpecEnforcement.Deny, args.Controller.WorkflowSpecEnforcement);
        Assert.Equal(["team-a-deployer"], args.WorkflowNamespaces[0].AllowedServiceAccounts);
        Assert.Equal(WorkflowSpecEnforcement.Warn, args.WorkflowNamespaces[0].WorkflowSpecEnforcement);
        Assert.Null(args.WorkflowNamespaces[1].WorkflowSpecEnforcement);
        Assert.Throws<OptionsException>(() => OptionsFile.Parse("controller:\n  workflowSpecEnforcement: Audit\n"));
    }

    [Fact]
    public void Json_IsAccepted()
    {
        var args = OptionsFile.Parse("""
            {
            	"controller": { "namespace": "argo-system", "scope": { "namespaced": "jobs" } },
            	"server": null,
            	"acceptedRisks": [ { "ruleId": "ARGO0010", "justification": "legacy workflows" } ]
            }
            """, "options.json");
        Assert.Equal("argo-system", args.Controller.Namespace);
        Assert.Equal("jobs", args.Controller.Scope.ManagedNamespace);
        Assert.Null(args.Server);
        Assert.Equal("ARGO0010", Assert.Single(args.AcceptedRisks).RuleId);
    }

    [Fact]
    public void UnknownKey_IsAnError_WithLineAndKnownKeys()
    {
        var exception = Assert.Throws<OptionsException>(() => OptionsFile.Parse("controller:\n  namespace: argo\n  replicaz: 2\n", "o.yaml"));
        var problem = Assert.Single(exception.Problems);
        Assert.StartsWith("line 3, column 3: 'controller.replicaz': unknown key 'replicaz' under 'controller'.", problem, StringComparison.Ordinal);
        Assert.Contains("replicas", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server:\n  authModes: [Kerberos]\n", "'server.authModes[0]': 'Kerberos' is not allowed. Use one of: Client, Sso, Server.")]
    [InlineData("controller:\n  replicas: two\n", "'controller.replicas': 'two' is not a whole number.")]
    [InlineData("controller:\n  networkPolicies: yes please\n", "'controller.networkPolicies': 'yes please' is not a boolean.")]
    [InlineData("controller:\n  scope: Namespaced\n", "'controller.scope': 'Namespaced' is not an install scope.")]
    [InlineData("workflowNamespaces:\n  name: team\n", "'workflowNamespaces': expected a list")]
    [InlineData("controller:\n  namespace: a\n  namespace: b\n", "not valid YAML or JSON")]
    [InlineData("controller: [\n", "not valid YAML or JSON")]
    [InlineData("- a\n- b\n", "the options must be a mapping")]
    [InlineData("controller:\n  images:\n", "'controller.images': 'images' cannot be empty.")]
    public void MalformedOptions_GiveAClearError(string text, string expected)
    {
        var exception = Assert.Throws<OptionsException>(() => OptionsFile.Parse(text, "o.yaml"));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("o.yaml:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var exception = Assert.Throws<OptionsException>(() => OptionsFile.Parse("controller:\n  foo: 1\n  replicas: x\nbar: 2\n"));
        Assert.Equal(3, exception.Problems.Count);
    }

    [Fact]
    public void MissingFile_IsAnError()
    {
        var exception = Assert.Throws<OptionsException>(() => OptionsFile.Load(Path.Combine(Path.GetTempPath(), "argosecure-missing-" + Guid.NewGuid() + ".yaml")));
        Assert.Contains("cannot read the file", exception.Message, StringComparison.Ordinal);
    }
}
