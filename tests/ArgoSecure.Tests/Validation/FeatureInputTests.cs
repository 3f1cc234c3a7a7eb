using ArgoSecure.Planning;
using ArgoSecure.Validation;

namespace ArgoSecure.Tests.Validation;

/// <summary>
/// A feature switch whose own inputs are missing, or too wide, is an input error naming the property, the value and
/// the fix, and nothing is planned.
/// </summary>
public class FeatureInputTests
{
    private static readonly Dictionary<string, Action<ArgoWorkflowsArgs>> Setups = new(StringComparer.Ordinal)
    {
        ["registry egress without a CIDR"] = a => a.Controller.ImageEntrypoints.RegistryEgress = [new() { Port = 443 }],
        ["registry egress to every IPv4 address"] = a => a.Controller.ImageEntrypoints.RegistryEgress = [new() { Cidr = "0.0.0.0/0" }],
        ["registry egress to every IPv6 address"] = a => a.Controller.ImageEntrypoints.RegistryEgress = [new() { Cidr = "::/0" }],
        ["an index entry without an image"] = a => a.Controller.ImageEntrypoints.Index = [new() { Cmd = ["sh"] }],
        ["an index entry that runs nothing"] = a => a.Controller.ImageEntrypoints.Index = [new() { Image = "busybox:1.36" }],
        ["an index image listed twice"] = a => a.Controller.ImageEntrypoints.Index = [new() { Image = "busybox:1.36", Cmd = ["sh"] }, new() { Image = "busybox:1.36", Cmd = ["sh"] }],
        ["an index image from a parameter"] = a => a.Controller.ImageEntrypoints.Index = [new() { Image = "{{inputs.parameters.image}}", Cmd = ["sh"] }],
        ["pull Secrets without registry lookups"] = a => a.WorkflowNamespaces[0].ImagePullSecrets = ["registry-credentials"],
        ["HTTP templates that may reach nothing"] = a => a.WorkflowNamespaces[0].HttpTemplates = new(),
        ["HTTP templates while enforcement only warns"] = a =>
        {
            a.WorkflowNamespaces[0].HttpTemplates = new() { Egress = [new() { Cidr = "203.0.113.0/24" }] };
            a.WorkflowNamespaces[0].WorkflowSpecEnforcement = WorkflowSpecEnforcement.Warn;
            a.WorkflowNamespaces[0].AcceptedRisks = [new() { RuleId = "ARGO0023", Justification = "rolling out" }];
        },
        ["HTTP templates with Argo's labels accepted"] = a =>
        {
            a.WorkflowNamespaces[0].HttpTemplates = new() { Egress = [new() { Cidr = "203.0.113.0/24" }] };
            a.AcceptedRisks = [new() { RuleId = "ARGO0022", Justification = "the mesh sets them" }];
        },
        ["a header Secret with a bad name"] = a => a.WorkflowNamespaces[0].HttpTemplates = new() { Egress = [new() { Port = 443 }], HeaderSecrets = ["Hooks Token"] },
        ["a header Secret that holds a token"] = a => a.WorkflowNamespaces[0].HttpTemplates = new() { Egress = [new() { Port = 443 }], HeaderSecrets = ["argo-executor.service-account-token"] },
        ["a cache named like the controller's ConfigMap"] = a => a.WorkflowNamespaces[0].MemoizationCaches = ["workflow-controller-configmap"],
        ["a cache with a bad name"] = a => a.Controller.MemoizationCaches = ["Build Cache"],
        ["a cache two namespaces share"] = a =>
        {
            a.WorkflowNamespaces[0].MemoizationCaches = ["shared"];
            a.WorkflowNamespaces.Add(new() { Name = "team-b", MemoizationCaches = ["shared"] });
        },
    };

    /// <summary>Setup, the property named, its value as reported, a phrase of the message or fix.</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "registry egress without a CIDR", "Controller.ImageEntrypoints.RegistryEgress[0].Cidr", "", "Set Cidr to your registry's address range" },
        { "registry egress to every IPv4 address", "Controller.ImageEntrypoints.RegistryEgress[0].Cidr", "0.0.0.0/0", "ImageEntrypoints.Index" },
        { "registry egress to every IPv6 address", "Controller.ImageEntrypoints.RegistryEgress[0].Cidr", "::/0", "List your registries' address ranges" },
        { "an index entry without an image", "Controller.ImageEntrypoints.Index[0].Image", "", "exactly as templates name it" },
        { "an index entry that runs nothing", "Controller.ImageEntrypoints.Index[0]", "busybox:1.36", "docker inspect" },
        { "an index image listed twice", "Controller.ImageEntrypoints.Index[1].Image", "busybox:1.36", "one entry per image" },
        { "an index image from a parameter", "Controller.ImageEntrypoints.Index[0].Image", "{{inputs.parameters.image}}", "template expression" },
        { "pull Secrets without registry lookups", "WorkflowNamespaces[0].ImagePullSecrets", "[registry-credentials]", "ImageEntrypoints.RegistryEgress" },
        { "HTTP templates that may reach nothing", "WorkflowNamespaces[0].HttpTemplates.Egress", "", "List the addresses and ports" },
        { "HTTP templates while enforcement only warns", "WorkflowNamespaces[0].HttpTemplates.Egress", "[203.0.113.0/24:443]", "Keep WorkflowSpecEnforcement at Deny" },
        { "HTTP templates with Argo's labels accepted", "WorkflowNamespaces[0].HttpTemplates.Egress", "[203.0.113.0/24:443]", "move the targets to ExtraEgress" },
        { "a header Secret with a bad name", "WorkflowNamespaces[0].HttpTemplates.HeaderSecrets[0]", "Hooks Token", "hooks-token" },
        { "a header Secret that holds a token", "WorkflowNamespaces[0].HttpTemplates.HeaderSecrets[0]", "argo-executor.service-account-token", "act as that account" },
        { "a cache named like the controller's ConfigMap", "WorkflowNamespaces[0].MemoizationCaches[0]", "workflow-controller-configmap", "update its own configuration" },
        { "a cache with a bad name", "Controller.MemoizationCaches[0]", "Build Cache", "build-cache" },
        { "a cache two namespaces share", "WorkflowNamespaces[1].MemoizationCaches", "shared", "its own cache names" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MissingOrTooWideInput_IsAnInputError_AndNothingIsPlanned(string setup, string property, string value, string hint)
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "team-a" }] };
        Setups[setup](args);

        var exception = Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(args));

        var error = Assert.Single(exception.Result.InputErrors);
        Assert.Equal(property, error.Property);
        Assert.Equal(value, error.Value ?? "");
        Assert.Contains(hint, error.Message + " " + error.Fix, StringComparison.Ordinal);
        Assert.Contains(property, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpTemplates_WithoutNetworkPolicies_NeedNoEgress()
    {
        var args = new ArgoWorkflowsArgs
        {
            WorkflowNamespaces = [new() { Name = "team-a", NetworkPolicies = false, HttpTemplates = new() }],
            AcceptedRisks = [new() { RuleId = "ARGO0011", Justification = "the CNI enforces nothing here" }],
        };

        var result = ArgsValidator.Validate(args);

        Assert.Empty(result.InputErrors);
        Assert.Contains(Planner.Plan(args).Objects, o => o.Kind == "Role" && o.Name == WorkflowNamespacePlanner.AgentRoleName);
    }

    [Fact]
    public void TeamStack_Namespace_KnowsTheControllersLookups_FromItsOwnCopy()
    {
        // A team's stack repeats the controller's ImageEntrypoints (like WorkflowDefaults); its egress is the controller's to check.
        var off = new WorkflowNamespaceArgs { Name = "team-a", ImagePullSecrets = ["registry-credentials"] };
        Assert.Equal("ImagePullSecrets", Assert.Single(ArgsValidator.Validate(off).InputErrors).Property);

        var on = new WorkflowNamespaceArgs
        {
            Name = "team-a",
            ImagePullSecrets = ["registry-credentials"],
            ImageEntrypoints = new() { RegistryEgress = [new() { Cidr = "10.50.0.0/16" }] },
        };
        Assert.Empty(ArgsValidator.Validate(on).InputErrors);
        Assert.Contains(Planner.PlanWorkflowNamespace(on).Objects, o => o.Name == WorkflowNamespacePlanner.ControllerFeaturesRoleName);
    }

    [Fact]
    public void WholeInstall_ControllerHoldsTheCachesOfEveryNamespace()
    {
        var args = new ArgoWorkflowsArgs
        {
            Controller = new() { MemoizationCaches = ["shared-templates-cache"] },
            WorkflowNamespaces = [new() { Name = "team-a", MemoizationCaches = ["team-a-cache"] }, new() { Name = "team-b", MemoizationCaches = ["team-b-cache"] }],
        };

        var role = Planner.Plan(args).Objects.Single(o => o.Kind == "Role" && o.Name == ControllerPlanner.OwnNamespaceRoleName).Value as k8s.Models.V1Role;

        var named = role!.Rules.Single(r => r.Resources.Contains("configmaps") && r.Verbs.Contains("update"));
        Assert.Equal(["shared-templates-cache", "team-a-cache", "team-b-cache"], named.ResourceNames);
        Assert.Equal(["get", "update"], named.Verbs);
    }
}
