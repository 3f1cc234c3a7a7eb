using ArgoSecure.Audit;
using ArgoSecure.Benchmarks.Audit;
using ArgoSecure.Planning;
using ArgoSecure.Rendering;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Audit;

/// <summary>An input with many installs: each is found and checked on its own, and findings say which install they belong to.</summary>
public sealed class MultiInstallAuditTests : IDisposable
{
    private static readonly string[] ControllerRules = ["ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010", "ARGO0011"];

    private readonly string file = Path.Combine(Path.GetTempPath(), $"argosecure-fleet-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(file);

    private static string Install(int i) => $"Deployment {Fleet.Namespace(i)}/workflow-controller";

    private AuditReport AuditFleet(int installs)
    {
        var manifests = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests");
        using (var writer = new StreamWriter(file))
        {
            Fleet.WriteYaml(writer, Fleet.Build(manifests, installs));
        }

        return AuditEngine.Audit([file]);
    }

    [SkippableFact]
    public void ThreeCopiesOfTheUpstreamClusterInstall_EachGetItsOwnControllerFindings()
    {
        var report = AuditFleet(3);

        Assert.Equal([Install(1), Install(2), Install(3)], report.Installs);
        foreach (var i in new[] { 1, 2, 3 })
        {
            var own = report.Findings.Where(f => f.Installs.SequenceEqual([Install(i)])).ToList();
            foreach (var rule in ControllerRules)
            {
                Assert.Contains(own, f => f.RuleId == rule);
            }

            // Each copy's findings are about its own objects, and the ConfigMap findings about its own ConfigMap.
            Assert.All(own, f => Assert.True(f.Object.Namespace == Fleet.Namespace(i) || f.Object.Name.EndsWith($"-{i}", StringComparison.Ordinal), f.Object.ToString()));
            Assert.Equal(
                ["ARGO0007", "ARGO0008", "ARGO0009", "ARGO0010"],
                own.Where(f => f.Object.ToString() == $"ConfigMap {Fleet.Namespace(i)}/workflow-controller-configmap").Select(f => f.RuleId).Order(StringComparer.Ordinal));
            Assert.Contains(own, f => f.RuleId == "ARGO0012" && f.Object.ToString() == $"ClusterRole/argo-server-cluster-role-{i}");
        }
    }

    [SkippableFact]
    public void EachCopy_GetsWhatTheUpstreamInstallAloneGets()
    {
        var single = AuditEngine.Audit([Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install")]);

        var report = AuditFleet(3);

        // Alone, the aggregated ClusterRoles belong to the one install; with three cluster installs they belong to none.
        var expected = Counts(single.Findings.Where(f => f.Installs.Count == 1 && f.RuleId != "ARGO0002"));
        foreach (var i in new[] { 1, 2, 3 })
        {
            Assert.Equal(expected, Counts(report.Findings.Where(f => f.Installs.SequenceEqual([Install(i)]) && f.RuleId != "ARGO0002")));
        }

        Assert.Equal(6, report.Findings.Count(f => f.RuleId == "ARGO0002" && f.Installs.Count == 0));
        Assert.Contains(report.Findings, f => f.RuleId == "ARGO0002" && f.Object.ToString() == "ClusterRole/argo-aggregate-to-edit-3");
    }

    private static List<string> Counts(IEnumerable<AuditFinding> findings) =>
        findings.GroupBy(f => f.RuleId).Select(g => $"{g.Key}×{g.Count()}").Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void ServersJoinTheControllerOfTheirNamespace()
    {
        var report = AuditYaml.Run(
            Components("a", serverArgs: "[server, --secure=false]"),
            Components("b", serverArgs: "[server, --auth-mode=server]"));

        Assert.Equal(["Deployment a/workflow-controller", "Deployment b/workflow-controller"], report.Installs);
        Assert.Equal(["Deployment a/workflow-controller"], Assert.Single(report.Findings, f => f.RuleId == "ARGO0004").Installs);
        Assert.Equal(["Deployment b/workflow-controller"], Assert.Single(report.Findings, f => f.RuleId == "ARGO0003").Installs);
    }

    [Fact]
    public void ServerInAnotherNamespace_JoinsTheOnlyController()
    {
        var parts = Components("argo").Split("---\n");
        var server = parts[1].Replace("namespace: argo", "namespace: argo-web", StringComparison.Ordinal).Replace("[server]", "[server, --secure=false]", StringComparison.Ordinal);

        var report = AuditYaml.Run(parts[0], server, Config("argo", hardened: true), Workflow("team-a"));

        Assert.Equal(["Deployment argo/workflow-controller"], report.Installs);
        Assert.Equal(["Deployment argo/workflow-controller"], Assert.Single(report.Findings, f => f.RuleId == "ARGO0004").Installs);
        // The workflow in team-a is checked against the one controller's hardened defaults.
        Assert.DoesNotContain(report.Findings, f => f.Object.Namespace == "team-a");
    }

    [Fact]
    public void TwoRenderedClusterInstalls_EachOwnTheirWorkflowNamespaces()
    {
        static string Render(string controllerNamespace, string team) => ManifestRenderer.Render(Planner.Plan(new ArgoWorkflowsArgs
        {
            Controller = new() { Namespace = controllerNamespace },
            WorkflowNamespaces = [new() { Name = team }],
        }));
        var a = Render("argo-a", "team-a");
        var b = Render("argo-b", "team-b");
        var loader = new ManifestLoader();
        var objects = loader.LoadText(a, "a.yaml").Concat(loader.LoadText(b, "b.yaml")).ToList();

        var clean = AuditEngine.Audit(objects, ["a.yaml", "b.yaml"]);
        var installs = ArgoInstallation.FindAll(objects, []);

        Assert.Empty(clean.Findings);
        // The RoleBindings that grant each controller its rights in its workflow namespace tell the installs apart.
        Assert.Contains(installs[0].Objects, o => o.Kind == "Namespace" && o.Name == "team-a");
        Assert.DoesNotContain(installs[0].Objects, o => o.Namespace == "team-b");
        Assert.Contains(installs[1].Objects, o => o.Kind == "Namespace" && o.Name == "team-b");

        // Without team-b's workflow-spec policy, install b alone is reported, on its namespace.
        var withoutPolicy = AuditEngine.Audit(objects.Where(o => o.Name != "argosecure-team-b-workflow-specs").ToList(), ["a.yaml", "b.yaml"]);
        var finding = Assert.Single(withoutPolicy.Findings);
        Assert.Equal(("ARGO0023", "Namespace/team-b"), (finding.RuleId, finding.Object.ToString()));
        Assert.Equal(["Deployment argo-b/workflow-controller"], finding.Installs);
    }

    [Fact]
    public void ClusterRoleSharedByTwoInstalls_IsReportedOnce_WithBothInstalls()
    {
        const string shared = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: argo-server-cluster-role
            rules:
            - apiGroups: [""]
              resources: [secrets]
              verbs: [get, list, watch]
            """;

        var report = AuditYaml.Run(Components("a"), Components("b"), shared, Binding("a"), Binding("b"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == "ARGO0012");
        Assert.Equal("ClusterRole/argo-server-cluster-role", finding.Object.ToString());
        Assert.Equal(["Deployment a/workflow-controller", "Deployment b/workflow-controller"], finding.Installs);
        Assert.Contains("get, list, watch on secrets", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoControllersReadingOneConfigMap_IsNoted_AndItsFindingsListBoth()
    {
        var second = Components("argo").Split("---\n")[0].Replace("name: workflow-controller\n", "name: workflow-controller-2\n", StringComparison.Ordinal);

        var report = AuditYaml.Run(Components("argo"), second, Config("argo", hardened: false));

        Assert.Contains(report.Notes, n => n.Contains("ConfigMap argo/workflow-controller-configmap is read by 2 controllers", StringComparison.Ordinal));
        var defaults = Assert.Single(report.Findings, f => f.RuleId == "ARGO0010");
        Assert.Equal(["Deployment argo/workflow-controller", "Deployment argo/workflow-controller-2"], defaults.Installs);
    }

    [Fact]
    public void NamespaceInstalls_CheckTheWorkflowsOfTheirManagedNamespace_AgainstTheirOwnDefaults()
    {
        var report = AuditYaml.Run(
            Components("argo-a", controllerArgs: "[--namespaced, --managed-namespace, team-a]"), Config("argo-a", hardened: true),
            Components("argo-b", controllerArgs: "[--namespaced, --managed-namespace, team-b]"), Config("argo-b", hardened: false),
            Workflow("team-a"), Workflow("team-b"));

        Assert.DoesNotContain(report.Findings, f => f.Object.Namespace == "team-a");
        var teamB = report.Findings.Where(f => f.Object.ToString() == "Workflow team-b/hello").ToList();
        Assert.Equal(["ARGO0007", "ARGO0008", "ARGO0009"], teamB.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.All(teamB, f => Assert.Equal(["Deployment argo-b/workflow-controller"], f.Installs));
    }

    [Fact]
    public void SeveralClusterInstalls_LeaveOtherNamespacesToNoInstall_WithANote()
    {
        var risky = Workflow("team-x").Replace("spec:\n", "spec:\n  hostNetwork: true\n", StringComparison.Ordinal);

        var report = AuditYaml.Run(Components("a"), Config("a", hardened: true), Components("b"), Config("b", hardened: true), risky);

        var host = Assert.Single(report.Findings, f => f.RuleId == "ARGO0020");
        Assert.Empty(host.Installs);
        Assert.Contains(report.Notes, n => n.StartsWith("2 cluster-scope installs in one input", StringComparison.Ordinal) && n.Contains("'team-x'", StringComparison.Ordinal));
    }

    [Fact]
    public void ServerWithoutController_AndUnreadConfigMap_AreInstallsOfTheirOwn()
    {
        var serverOnly = Components("web").Split("---\n")[1];

        var report = AuditYaml.Run(serverOnly.Replace("[server]", "[server, --secure=false]", StringComparison.Ordinal), Config("ops", hardened: false));

        Assert.Equal(["Deployment web/argo-server", "ConfigMap ops/workflow-controller-configmap"], report.Installs);
        Assert.Equal(["Deployment web/argo-server"], Assert.Single(report.Findings, f => f.RuleId == "ARGO0004").Installs);
        Assert.Equal(["ConfigMap ops/workflow-controller-configmap"], Assert.Single(report.Findings, f => f.RuleId == "ARGO0010").Installs);
    }

    private static string Components(string ns, string controllerArgs = "[]", string serverArgs = "[server]") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: workflow-controller
          namespace: {{ns}}
        spec:
          template:
            metadata:
              labels: {app: workflow-controller}
            spec:
              serviceAccountName: argo
              containers:
              - name: workflow-controller
                image: quay.io/argoproj/workflow-controller:v4.1.2
                command: [workflow-controller]
                args: {{controllerArgs}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: argo-server
          namespace: {{ns}}
        spec:
          template:
            metadata:
              labels: {app: argo-server}
            spec:
              serviceAccountName: argo-server
              containers:
              - name: argo-server
                image: quay.io/argoproj/argocli:v4.1.2
                args: {{serverArgs}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: {{ns}}
        spec:
          podSelector: {}
        """;

    private static string Config(string ns, bool hardened) => hardened
        ? AuditYaml.HardenedConfig.Replace("namespace: argo\n", $"namespace: {ns}\n", StringComparison.Ordinal)
        : $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: workflow-controller-configmap\n  namespace: {ns}\ndata: {{}}\n";

    private static string Binding(string ns) => $$"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: argo-server-{{ns}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: argo-server-cluster-role}
        subjects:
        - {kind: ServiceAccount, name: argo-server, namespace: {{ns}}}
        """;

    private static string Workflow(string ns) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: hello
          namespace: {{ns}}
        spec:
          templates:
          - name: main
            container: {image: busybox:1.36}
        """;
}
