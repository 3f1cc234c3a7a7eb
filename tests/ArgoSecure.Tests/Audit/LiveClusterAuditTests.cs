using System.Text;
using ArgoSecure.Audit;
using ArgoSecure.Input;
using ArgoSecure.Tests.TestSupport;
using static ArgoSecure.Tests.Audit.AuditYaml;

namespace ArgoSecure.Tests.Audit;

/// <summary>
/// Auditing a running cluster: <c>kubectl get ... -o yaml | argosecure audit -</c>. Standard input is read under the
/// reading limits, kubectl's List is read item by item, what the cluster adds to live objects changes no finding, and
/// the built-in aggregated roles are never blamed for the rules aggregated into them.
/// </summary>
public class LiveClusterAuditTests
{
    private const string Workflow = """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: hello
          namespace: team-a
        spec:
          entrypoint: main
          templates:
          - name: main
            container:
              image: busybox:1.36
              command: [echo, hi]
        """;

    private static Func<Stream> Stdin(string text) => () => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static HashSet<string> Keys(AuditReport report) =>
        report.Findings.Select(f => $"{f.RuleId} {f.Object} {f.Message}").ToHashSet(StringComparer.Ordinal);

    [SkippableFact]
    public void UpstreamClusterInstall_AsALiveList_OnStandardInput_GivesTheFindingsOfItsManifests()
    {
        var folder = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "cluster-install");
        var loader = new ManifestLoader();
        var applied = loader.Load([folder]).Concat(loader.LoadText(Workflow, "workflow.yaml")).ToList();
        var manifests = AuditEngine.Audit(applied, ["manifests"]);
        var dump = LiveCluster.Dump(applied);

        var live = AuditEngine.Audit(["-"], standardInput: Stdin(dump));

        Assert.Empty(live.Refused);
        Assert.Contains("managedFields", dump, StringComparison.Ordinal);
        Assert.Contains("storedTemplates", dump, StringComparison.Ordinal);
        Assert.True(live.ObjectCount > applied.Count + 2, $"{live.ObjectCount} objects read");
        Assert.NotEmpty(manifests.Findings);
        Assert.Equal(Keys(manifests).Order(StringComparer.Ordinal), Keys(live).Order(StringComparer.Ordinal));
        Assert.All(live.Findings, f => Assert.Equal(ManifestLoader.StandardInputName, f.Location.File));
        Assert.All(live.Findings, f => Assert.True(f.Location.Line > 0, $"{f.RuleId} on {f.Object} has no line"));

        // The built-in edit and admin hold the Argo rules after aggregation; the roles that bring them in are blamed.
        Assert.Equal(["ClusterRole/argo-aggregate-to-admin", "ClusterRole/argo-aggregate-to-edit"],
            live.Findings.Where(f => f.RuleId == "ARGO0002").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void UpstreamQuickStart_AsALiveList_KeepsEveryFinding_ButLiteralSecrets()
    {
        var folder = Upstream.RequireDirectory("argo-workflows", "v4.1.2", "manifests", "quick-start", "postgres");
        var applied = new ManifestLoader().Load([folder]);
        var manifests = AuditEngine.Audit(applied, ["manifests"]);

        var live = AuditEngine.Audit(["-"], standardInput: Stdin(LiveCluster.Dump(applied)));

        // A live Secret holds its values in data whoever created it: not a literal written in a manifest.
        var literalSecrets = manifests.Findings.Where(f => f.RuleId == "ARGO0016" && f.Object.Kind == "Secret").ToList();
        Assert.NotEmpty(literalSecrets);
        Assert.Empty(live.Refused);
        var expected = Keys(manifests);
        expected.ExceptWith(literalSecrets.Select(f => $"{f.RuleId} {f.Object} {f.Message}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), Keys(live).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AggregatedRole_BlamesTheRoleWhoseLabelsBringTheRuleIn_ThroughAnIntermediateAggregator()
    {
        const string Roles = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: edit
                labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-admin: "true"}
              aggregationRule:
                clusterRoleSelectors:
                - matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
              rules:
              - {apiGroups: [argoproj.io], resources: [workflows], verbs: [create]}
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: submitters
                labels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
              aggregationRule:
                clusterRoleSelectors:
                - matchLabels: {example.com/aggregate-to-submitters: "true"}
              rules:
              - {apiGroups: [argoproj.io], resources: [workflows], verbs: [create]}
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: workflow-creator
                labels: {example.com/aggregate-to-submitters: "true"}
              rules:
              - {apiGroups: [argoproj.io], resources: [workflows], verbs: [create]}
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: unaggregated-creator
                labels: {example.com/team: "a"}
              rules:
              - {apiGroups: [argoproj.io], resources: [workflows], verbs: [create]}
            """;

        var report = Run(Controller(), AllowAll, Roles);

        var finding = Assert.Single(report.Findings, f => f.RuleId == "ARGO0002");
        Assert.Equal("ClusterRole/workflow-creator", finding.Object.ToString());
        Assert.Contains("aggregationRule of ClusterRole 'submitters'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("built-in 'edit' role", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInEditRole_WithoutAnAggregationRule_IsStillBlamedForItsOwnRules()
    {
        // Without an aggregationRule the rules are the role's own (a hand-written role that happens to be called edit).
        const string Role = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: team-edit
              labels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
            rules:
            - {apiGroups: [argoproj.io], resources: [workflows], verbs: [create]}
            """;

        var report = Run(Controller(), AllowAll, Role);

        Assert.Equal("ClusterRole/team-edit", Assert.Single(report.Findings, f => f.RuleId == "ARGO0002").Object.ToString());
    }

    [Fact]
    public void StandardInput_IsBoundedByTheFileSizeLimit_AndRefusedWhole()
    {
        var text = string.Join("---\n", Enumerable.Repeat(Workflow + "\n", 200));
        var limits = ReadingLimits.Default with { MaxFileBytes = 4096 };

        var report = AuditEngine.Audit(["-"], limits: limits, standardInput: Stdin(text));

        var refusal = Assert.Single(report.Refused);
        Assert.Equal(ManifestLoader.StandardInputName, refusal.Input);
        Assert.Equal("file size", refusal.Limit);
        Assert.Contains(ReadingLimits.Options.FileSize, refusal.Fix, StringComparison.Ordinal);
        Assert.Equal(0, report.ObjectCount);
    }

    [Fact]
    public void StandardInput_GivenTwice_IsReadOnce()
    {
        var reads = 0;
        var report = AuditEngine.Audit(["-", "-"], standardInput: () =>
        {
            reads++;
            return new MemoryStream(Encoding.UTF8.GetBytes(Workflow));
        });

        Assert.Equal(1, reads);
        Assert.Equal(1, report.ObjectCount);
        Assert.Contains(report.Notes, n => n.Contains("'-' is given more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void StandardInput_ThatIsNotYaml_IsRefusedByName()
    {
        var report = AuditEngine.Audit(["-"], standardInput: Stdin("a: [unclosed\n"));

        Assert.Equal(ManifestLoader.StandardInputName, Assert.Single(report.Refused).Input.Split(':')[0]);
    }
}
