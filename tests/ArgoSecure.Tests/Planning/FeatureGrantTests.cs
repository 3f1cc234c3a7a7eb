using System.Globalization;
using ArgoSecure.Tests.TestSupport;
using k8s.Models;

namespace ArgoSecure.Tests.Planning;

/// <summary>
/// Each feature switch adds exactly what its entries of reference/argo-rbac-needs.md list, and nothing else: the
/// install rendered with the switch on, minus the same install with it off, is the row's grants, egress and objects,
/// in a cluster and in a namespace install; with the switch off none of them exist.
/// </summary>
public class FeatureGrantTests
{
    private const string Controller = "ServiceAccount argo/workflow-controller";
    private const string Agent = "ServiceAccount team-a/argo-workflow";

    /// <summary>One switch: the reference entries it implements, how to turn it on, and what that adds.</summary>
    public sealed record Switch(
        string Entries,
        Action<ArgoWorkflowsArgs> TurnOn,
        string[] Grants,
        string[] Egress,
        string[] Objects,
        string[] ConfigKeys);

    /// <summary>The table, from the reference's entries (§1.2 F9-F16, §3.3 agent, §4.3 reachability).</summary>
    private static readonly Dictionary<string, Switch> Table = new(StringComparer.Ordinal)
    {
        ["memoization"] = new(
            "F9 (F10, cache GC, stays off)",
            a => a.WorkflowNamespaces[0].MemoizationCaches = ["team-a-cache"],
            [
                $"{Controller} may create configmaps in argo",
                $"{Controller} may get configmaps[team-a-cache] in argo",
                $"{Controller} may update configmaps[team-a-cache] in argo",
            ],
            [],
            [],
            []),
        ["large template offload"] = new(
            "F11",
            a => a.WorkflowNamespaces[0].LargeTemplateOffload = true,
            [$"{Controller} may create configmaps in team-a"],
            [],
            ["Role team-a/argo-workflow-controller-features", "RoleBinding team-a/argo-workflow-controller-features"],
            []),
        ["registry lookups"] = new(
            "F13 (F12 serviceaccounts get is core), §4.3 controller to registries",
            a =>
            {
                a.Controller.ImageEntrypoints.RegistryEgress = [new() { Cidr = "10.50.0.0/16", Port = 443 }];
                a.WorkflowNamespaces[0].ImagePullSecrets = ["registry-credentials"];
            },
            [$"{Controller} may get secrets[registry-credentials] in team-a"],
            ["argo/workflow-controller to 10.50.0.0/16:443"],
            ["Role team-a/argo-workflow-controller-features", "RoleBinding team-a/argo-workflow-controller-features"],
            []),
        ["image index"] = new(
            "F13 avoided (config images:)",
            a => a.Controller.ImageEntrypoints.Index = [new() { Image = "busybox:1.36", Cmd = ["sh"] }],
            [],
            [],
            [],
            ["images"]),
        ["HTTP templates"] = new(
            "F14, F15, F16, §3.3 agent, §4.3 agent to HTTP targets (F12 serviceaccounts get is core)",
            a => a.WorkflowNamespaces[0].HttpTemplates = new() { Egress = [new() { Cidr = "203.0.113.0/24", Port = 443 }], HeaderSecrets = ["hooks-token"] },
            [
                $"{Controller} may get secrets[argo-workflows-agent-ca-certificates] in team-a",
                $"{Controller} may create argoproj.io/workflowtasksets in team-a",
                $"{Controller} may patch argoproj.io/workflowtasksets in team-a",
                $"{Controller} may patch argoproj.io/workflowtasksets/status in team-a",
                $"{Agent} may watch argoproj.io/workflowtasksets in team-a",
                $"{Agent} may patch argoproj.io/workflowtasksets/status in team-a",
                $"{Agent} may get secrets[hooks-token] in team-a",
            ],
            ["team-a/argo-agent-pods to 203.0.113.0/24:443"],
            [
                "NetworkPolicy team-a/argo-agent-pods",
                "Role team-a/argo-agent",
                "Role team-a/argo-workflow-controller-features",
                "RoleBinding team-a/argo-agent",
                "RoleBinding team-a/argo-workflow-controller-features",
                "Secret team-a/argo-workflow.service-account-token",
            ],
            []),
    };

    public static TheoryData<string, bool> Rows()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in Table.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Switch_AddsExactlyItsReferenceEntries(string name, bool namespaced)
    {
        var row = Table[name];
        var off = Manifests.Render(Install(namespaced));
        var args = Install(namespaced);
        row.TurnOn(args);
        var on = Manifests.Render(args);

        Assert.Equal(row.Grants.Order(StringComparer.Ordinal), Diff(Grants(on), Grants(off)));
        Assert.Empty(Diff(Grants(off), Grants(on)));
        Assert.Equal(row.Egress.Order(StringComparer.Ordinal), Diff(Egress(on), Egress(off)));
        Assert.Empty(Diff(Egress(off), Egress(on)));
        Assert.Equal(row.Objects.Order(StringComparer.Ordinal), Diff(Objects(on), Objects(off)));
        Assert.Empty(Diff(Objects(off), Objects(on)));
        Assert.Equal(row.ConfigKeys.Order(StringComparer.Ordinal), Diff(ConfigKeys(on), ConfigKeys(off)));

        // Off: none of them.
        Assert.Empty(Grants(off).Intersect(row.Grants));
        Assert.Empty(Egress(off).Intersect(row.Egress));
    }

    [Fact]
    public void Table_CoversEveryControllerGrantBeyondUpstream_AndTheCoreKeepsF12()
    {
        // The grants §5.7 says upstream lacks appear only in the table's rows, never in the core install.
        var core = Grants(Manifests.Render(Install(namespaced: false)));
        Assert.DoesNotContain(core, g => g.Contains("workflowtasksets/status", StringComparison.Ordinal));
        Assert.DoesNotContain(core, g => g.StartsWith(Controller + " may create configmaps", StringComparison.Ordinal));
        Assert.DoesNotContain(core, g => g.StartsWith(Controller + " may update configmaps", StringComparison.Ordinal));
        Assert.DoesNotContain(core, g => g.Contains("argo-workflows-agent-ca-certificates", StringComparison.Ordinal));
        Assert.DoesNotContain(core, g => g.Contains(" may create argoproj.io/workflowtasksets", StringComparison.Ordinal));

        // F12: every workflow names the executor's account, so reading service accounts is core in each workflow namespace.
        Assert.Contains($"{Controller} may get serviceaccounts in team-a", core);
        Assert.Contains($"{Controller} may get serviceaccounts in team-b", core);
    }

    [Fact]
    public void EveryFeatureOn_IsTheUnionOfTheRows()
    {
        var off = Manifests.Render(Install(namespaced: false));
        var args = Install(namespaced: false);
        foreach (var row in Table.Values)
        {
            row.TurnOn(args);
        }

        var added = Diff(Grants(Manifests.Render(args)), Grants(off));
        Assert.Equal(Table.Values.SelectMany(r => r.Grants).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), added);
    }

    /// <summary>The controller in <c>argo</c> with its API server pinned, workflows in team-a (switches go there) and team-b.</summary>
    private static ArgoWorkflowsArgs Install(bool namespaced) => new()
    {
        Controller = new()
        {
            Scope = namespaced ? InstallScope.Namespaced("team-a") : InstallScope.Cluster,
            ApiServerEgress = [new() { Cidr = "10.96.0.1/32", Port = 443 }],
        },
        WorkflowNamespaces = namespaced ? [new() { Name = "team-a" }] : [new() { Name = "team-a" }, new() { Name = "team-b" }],
    };

    private static List<string> Diff(IEnumerable<string> a, IEnumerable<string> b) => a.Except(b, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static List<string> Grants(Manifests manifests) => RbacGrants.Resolve(manifests).Select(g => g.ToString()).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Egress(Manifests manifests) =>
        (from policy in manifests.NetworkPolicies
         from rule in policy.Spec.Egress ?? []
         from port in rule.Ports ?? []
         from to in rule.To is { Count: > 0 } peers ? peers.Select(p => p.IpBlock?.Cidr ?? "(selector)") : ["any"]
         select $"{policy.Metadata.NamespaceProperty}/{policy.Metadata.Name} to {to}:{port.Port.Value}").Distinct(StringComparer.Ordinal).ToList();

    private static List<string> Objects(Manifests manifests) =>
        manifests.Objects.OfType<k8s.IKubernetesObject<V1ObjectMeta>>()
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Kind} {(o.Metadata.NamespaceProperty is { } ns ? ns + "/" : "")}{o.Metadata.Name}"))
            .ToList();

    private static List<string> ConfigKeys(Manifests manifests) =>
        manifests.OfType<V1ConfigMap>().Where(c => c.Metadata.Name == "workflow-controller-configmap").SelectMany(c => c.Data.Keys).ToList();
}
