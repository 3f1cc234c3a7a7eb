using ArgoSecure.Planning;
using ArgoSecure.Tests.TestSupport;
using k8s.Models;

namespace ArgoSecure.Tests.Planning;

/// <summary>What each component plans on its own (the multi-stack case) and what the options switch on and off.</summary>
public class ComponentPlanTests
{
    [Fact]
    public void WholeInstall_IsTheUnionOfItsComponents()
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "team-a" }] };
        var whole = Planner.Plan(args).Objects.Select(o => o.ToString()).Order(StringComparer.Ordinal);
        var parts = Planner.PlanController(args.Controller).Objects
            .Concat(Planner.PlanServer(new ArgoServerArgs()).Objects)
            .Concat(Planner.PlanWorkflowNamespace(new WorkflowNamespaceArgs { Name = "team-a" }).Objects)
            .Select(o => o.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(parts, whole);
    }

    [Fact]
    public void Plan_PutsNamespacesAndCrdsFirst()
    {
        var kinds = Planner.Plan(new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "team-a" }] }).Objects.Select(o => o.Kind).ToList();
        var firstOther = kinds.FindIndex(k => k is not ("Namespace" or "CustomResourceDefinition"));
        Assert.True(kinds.Take(firstOther).Count() == 10, string.Join(",", kinds));
        Assert.DoesNotContain(kinds.Skip(firstOther), k => k is "Namespace" or "CustomResourceDefinition");
        Assert.True(kinds.IndexOf("ServiceAccount") < kinds.IndexOf("Secret"));
        Assert.True(kinds.LastIndexOf("Role") < kinds.IndexOf("RoleBinding"));
    }

    [Fact]
    public void Crds_CoverEveryArgoKind_WithTheirFacts()
    {
        var crds = Planner.PlanController(new ArgoControllerArgs()).Objects.Select(o => o.Value).OfType<V1CustomResourceDefinition>().ToList();
        Assert.Equal(8, crds.Count);
        var workflow = crds.Single(c => c.Spec.Names.Kind == "Workflow");
        Assert.Equal("workflows.argoproj.io", workflow.Metadata.Name);
        Assert.Equal(["wf"], workflow.Spec.Names.ShortNames);
        Assert.Null(workflow.Spec.Versions[0].Subresources);
        Assert.True(workflow.Spec.Versions[0].Schema.OpenAPIV3Schema.XKubernetesPreserveUnknownFields);
        Assert.NotNull(crds.Single(c => c.Spec.Names.Kind == "WorkflowTaskSet").Spec.Versions[0].Subresources.Status);
        Assert.Equal("Cluster", crds.Single(c => c.Spec.Names.Kind == "ClusterWorkflowTemplate").Spec.Scope);
        Assert.DoesNotContain(Planner.PlanController(new ArgoControllerArgs { InstallCrds = false }).Objects, o => o.Kind == "CustomResourceDefinition");
    }

    [Fact]
    public void AdmissionGuard_DeniesWorkflowsInTheControllerNamespace_AndCanBeSwitchedOff()
    {
        var guard = Planner.PlanController(new ArgoControllerArgs { Namespace = "argo-system" }).Objects.Select(o => o.Value).OfType<V1ValidatingAdmissionPolicy>()
            .Single(p => p.Metadata.Name == "argosecure-argo-system-no-workflows");
        Assert.Equal("argo-system", guard.Spec.MatchConstraints.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Equal(["cronworkflows", "workflows"], guard.Spec.MatchConstraints.ResourceRules.Single().Resources.Order(StringComparer.Ordinal));
        Assert.Equal("false", guard.Spec.Validations.Single().Expression);
        Assert.StartsWith("ARGO0002: ", guard.Spec.Validations.Single().Message, StringComparison.Ordinal);
        Assert.Single(Planner.PlanController(new ArgoControllerArgs()).Objects, o => o.Kind == "ValidatingAdmissionPolicyBinding" && o.Name == "argosecure-argo-no-workflows");

        Assert.DoesNotContain(Planner.PlanController(new ArgoControllerArgs { AdmissionGuard = false }).Objects, o => o.Kind.StartsWith("ValidatingAdmission", StringComparison.Ordinal));
        Assert.DoesNotContain(Planner.PlanController(new ArgoControllerArgs { Scope = InstallScope.Namespaced("jobs") }).Objects, o => o.Kind.StartsWith("ValidatingAdmission", StringComparison.Ordinal));
    }

    [Fact]
    public void NamespaceInstall_PassesNamespacedAndManagedNamespace_ToControllerAndServer()
    {
        var manifests = Manifests.RenderSample("namespaced.yaml");
        foreach (var deployment in manifests.Deployments)
        {
            var args = deployment.Spec.Template.Spec.Containers.Single().Args;
            Assert.Contains("--namespaced", args);
            Assert.Equal("argo-workflows", args[args.IndexOf("--managed-namespace") + 1]);
        }
    }

    [Fact]
    public void ServerArgs_FollowTheAuthModesAndTls()
    {
        var server = Manifests.RenderSample("cluster.yaml").Deployments.Single(d => d.Metadata.Name == "argo-server").Spec.Template.Spec.Containers.Single();
        Assert.Contains("--auth-mode=sso", server.Args);
        Assert.DoesNotContain("--auth-mode=server", server.Args);
        Assert.Contains("--secure=true", server.Args);
        Assert.Equal("argo-server-tls", server.Args[server.Args.IndexOf("--tls-certificate-secret-name") + 1]);
        Assert.Equal("HTTPS", server.ReadinessProbe.HttpGet.Scheme);
    }

    [Fact]
    public void AuthModeAddedByACollectionInitializer_IsPassedOnce()
    {
        // 'AuthModes = { AuthMode.Client, AuthMode.Sso }' adds to the default [Client].
        var args = new ArgoServerArgs { AuthModes = { AuthMode.Client } };
        var server = Planner.PlanServer(args).Objects.Select(o => o.Value).OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single();
        Assert.Single(server.Args, a => a == "--auth-mode=client");
    }

    [Fact]
    public void ControllerConfigMap_CarriesTheHardenedDefaults()
    {
        var config = Manifests.RenderSample("cluster.yaml").OfType<V1ConfigMap>().Single(c => c.Metadata.Name == "workflow-controller-configmap");
        Assert.Contains("templateReferencing: Secure", config.Data["workflowRestrictions"], StringComparison.Ordinal);
        Assert.Contains("secure: true", config.Data["metricsConfig"], StringComparison.Ordinal);
        Assert.Contains("automountServiceAccountToken: false", config.Data["workflowDefaults"], StringComparison.Ordinal);
        Assert.Contains("argoexec:v4.1.2-nonroot", config.Data["executor"], StringComparison.Ordinal);
        Assert.DoesNotContain("sso", config.Data.Keys);
    }

    [Fact]
    public void Persistence_IsVerifiedTls_WithSecretsByReference()
    {
        var plan = Planner.Plan(new ArgoWorkflowsArgs { Controller = new() { Persistence = new() { Host = "pg.db.svc" } } });
        var configs = plan.Objects.Select(o => o.Value).OfType<V1ConfigMap>().ToList();
        foreach (var config in configs)
        {
            Assert.Contains("sslMode: verify-full", config.Data["persistence"], StringComparison.Ordinal);
            Assert.Contains("passwordSecret:", config.Data["persistence"], StringComparison.Ordinal);
        }

        Assert.Equal(2, configs.Count);
        Assert.DoesNotContain(plan.Objects, o => o.Kind == "Secret" && o.Name == "argo-database");
    }

    [Fact]
    public void LiteralCredential_BecomesOneSecret_OnlyWhenAccepted()
    {
        var args = new ArgoWorkflowsArgs
        {
            Controller = new() { Persistence = new() { Host = "pg", PasswordSecret = new() { Name = "argo-database", Key = "password", LiteralValue = "s3cret" } } },
            AcceptedRisks = [new() { RuleId = "ARGO0016", Justification = "throw-away test cluster" }],
        };
        var secret = Planner.Plan(args).Objects.Select(o => o.Value).OfType<V1Secret>().Single(s => s.Metadata.Name == "argo-database");
        Assert.Equal("s3cret", secret.StringData["password"]);
    }

    [Fact]
    public void SsoRbacRules_CreateAnnotatedAccountsWithTokens()
    {
        var manifests = Manifests.RenderSample("cluster.yaml");
        var admins = manifests.OfType<V1ServiceAccount>().Single(s => s.Metadata.Name == "argo-sso-admins");
        Assert.Equal("\"platform-admins\" in groups", admins.Metadata.Annotations["workflows.argoproj.io/rbac-rule"]);
        Assert.Equal("10", admins.Metadata.Annotations["workflows.argoproj.io/rbac-rule-precedence"]);
        var token = manifests.OfType<V1Secret>().Single(s => s.Metadata.Name == "argo-sso-admins.service-account-token");
        Assert.Equal("kubernetes.io/service-account-token", token.Type);
    }

    [Fact]
    public void WorkflowNamespace_InATeamStack_NeedsOnlyTheControllerNamespaceAndScope()
    {
        var plan = Planner.PlanWorkflowNamespace(new WorkflowNamespaceArgs { Name = "team-c", ControllerNamespace = "argo-platform" });
        var binding = plan.Objects.Select(o => o.Value).OfType<V1RoleBinding>().Single(b => b.Metadata.Name == "argo-workflow-controller");
        Assert.Equal("argosecure:argo-platform:workflow-controller-namespace", binding.RoleRef.Name);
        Assert.Equal("argo-platform", binding.Subjects.Single().NamespaceProperty);
        // The namespace's policy and binding are cluster-scoped admission objects; the component registers them with the rest.
        Assert.All(plan.Objects, o => Assert.Equal(o.Kind.StartsWith("ValidatingAdmissionPolicy", StringComparison.Ordinal) ? ArgoComponent.AdmissionGuard : ArgoComponent.WorkflowNamespace, o.Component));
        Assert.Equal(2, plan.Objects.Count(o => o.Component == ArgoComponent.AdmissionGuard && o.Name == "argosecure-team-c-workflow-specs"));
        Assert.All(plan.Objects.Where(o => o.Namespace is not null), o => Assert.Equal("team-c", o.Namespace));
    }

    [Fact]
    public void HighAvailability_AddsPodDisruptionBudgets()
    {
        var manifests = VariantData.Get("persistence, HA, custom namespace");
        Assert.Equal(["argo-server", "workflow-controller"], manifests.OfType<V1PodDisruptionBudget>().Select(p => p.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Empty(Manifests.RenderSample("cluster.yaml").OfType<V1PodDisruptionBudget>());
    }

    [Fact]
    public void NoNetworkPolicies_WhenTurnedOffWithAcceptedRisk()
    {
        var args = new ArgoWorkflowsArgs
        {
            Controller = new() { NetworkPolicies = false },
            Server = new() { NetworkPolicies = false },
            WorkflowNamespaces = [new() { Name = "team", NetworkPolicies = false }],
            AcceptedRisks = [new() { RuleId = "ARGO0011", Justification = "the CNI has no NetworkPolicy support; a service mesh enforces traffic" }],
        };
        var plan = Planner.Plan(args);
        Assert.DoesNotContain(plan.Objects, o => o.Kind == "NetworkPolicy");
        Assert.Equal(3, plan.Validation.Findings.Count(f => f.RuleId == "ARGO0011" && f.IsAccepted));
    }
}
