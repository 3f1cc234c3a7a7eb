using ArgoSecure.Audit;
using static ArgoSecure.Tests.Audit.AuditYaml;

namespace ArgoSecure.Tests.Audit;

/// <summary>Controller, server, ConfigMap, RBAC, NetworkPolicy and Secret checks on small manifests.</summary>
public class InstallAuditTests
{
    [Fact]
    public void ServerFlags_AuthModeServer_AndSecureFalse_AreReported()
    {
        var report = AuditYaml.Run(Server("[server, --auth-mode=client, --auth-mode, server, --secure=false]"), Controller(), AuditYaml.HardenedConfig, AllowAll);

        Assert.Equal(["ARGO0003", "ARGO0004"], report.RuleIds);
        Assert.Equal(17, Assert.Single(report.Findings, f => f.RuleId == "ARGO0003").Location.Line);
    }

    [Fact]
    public void UnknownValuelessFlag_DoesNotSwallowTheNextFlag()
    {
        var report = AuditYaml.Run(Server("[server, --x-unknown-switch, --auth-mode=server]"), Controller(), AuditYaml.HardenedConfig, AllowAll);

        Assert.Equal(["ARGO0003"], report.RuleIds);
    }

    [Fact]
    public void ArgoEnvironmentVariables_AreFlagsToo()
    {
        var env = """[{name: ARGO_SECURE, value: "false"}, {name: ARGO_AUTH_MODE, value: "sso,server"}, {name: ARGO_ACCESS_CONTROL_ALLOW_ORIGIN, value: "*"}, {name: ARGO_PPROF, value: "true"}]""";

        var report = AuditYaml.Run(Server("[server]", env), Controller(), AuditYaml.HardenedConfig, AllowAll);

        Assert.Equal(["ARGO0003", "ARGO0004", "ARGO0017"], report.RuleIds);
        Assert.Equal(2, report.Findings.Count(f => f.RuleId == "ARGO0017"));
    }

    [Fact]
    public void AcceptedOnTheDeployment_IsAcceptedWithItsJustification()
    {
        var report = AuditYaml.Run(Server("[server, --secure=false]", annotations: """{"argosecure.io/accept-ARGO0004": "TLS ends at the ingress"}"""),
            Controller(), AuditYaml.HardenedConfig, AllowAll);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ARGO0004", finding.RuleId);
        Assert.Equal("TLS ends at the ingress", finding.Justification);
        Assert.False(report.Fails(ArgoSecure.Rules.RuleSeverity.Info));
    }

    [Fact]
    public void NamespacedController_ManagingAnotherNamespace_IsFine_ButItsOwnIsNot()
    {
        Assert.Empty(AuditYaml.Run(Controller("[--namespaced, --managed-namespace, argo-workflows]"), AuditYaml.HardenedConfig, AllowAll,
            AllowAll.Replace("namespace: argo", "namespace: argo-workflows", StringComparison.Ordinal)).Findings);
        var own = AuditYaml.Run(Controller("[--namespaced, --managed-namespace=argo]"), AuditYaml.HardenedConfig, AllowAll);
        Assert.Equal(["ARGO0001"], own.RuleIds);
        var env = AuditYaml.Run(Controller(env: """[{name: ARGO_NAMESPACED, value: "true"}]"""), AuditYaml.HardenedConfig, AllowAll);
        Assert.Equal(["ARGO0001"], env.RuleIds);
    }

    [Fact]
    public void ConfigBlob_SsoWithoutRbac_InsecureSkipVerify_MetricsAndDatabase()
    {
        var config = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argo-server-configmap
              namespace: argo
            data:
              config: |
                sso:
                  issuer: https://login.example.com
                  clientId: {name: sso, key: id}
                  clientSecret: {name: sso, key: secret}
                  insecureSkipVerify: true
                persistence:
                  archive: true
                  postgresql:
                    host: db
                    ssl: true
                    sslMode: require
            """;
        var controllerConfig = AuditYaml.HardenedConfig + """

              metricsConfig: |
                enabled: true
                secure: false
              persistence: |
                archive: true
                mysql:
                  host: db
            """;

        var report = AuditYaml.Run(Server("[server, --auth-mode=sso, --configmap, argo-server-configmap]"), Controller(), controllerConfig, config, AllowAll);

        Assert.Equal(["ARGO0005", "ARGO0006", "ARGO0013", "ARGO0014"], report.RuleIds);
        Assert.Equal(["ConfigMap argo/argo-server-configmap", "ConfigMap argo/workflow-controller-configmap"],
            report.Findings.Where(f => f.RuleId == "ARGO0014").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OverrideAllowlist_WithSensitiveFields_IsReported()
    {
        var report = AuditYaml.Run(Controller(env: """[{name: WORKFLOW_USER_OVERRIDE_ALLOWLIST, value: "arguments,podSpecPatch"}]"""), AuditYaml.HardenedConfig, AllowAll);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ARGO0015", finding.RuleId);
        Assert.Contains("podSpecPatch", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NetworkPolicies_MustSelectControllerServerAndWorkflowPods()
    {
        var controllerOnly = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: controller
              namespace: argo
            spec:
              podSelector:
                matchLabels:
                  app: workflow-controller
            """;
        var workflowNamespace = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team-a
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: executor
              namespace: team-a
            rules:
            - apiGroups: [argoproj.io]
              resources: [workflowtaskresults]
              verbs: [create, patch]
            """;
        var workflowPods = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: workflow-pods
              namespace: team-a
            spec:
              podSelector:
                matchExpressions:
                - key: workflows.argoproj.io/workflow
                  operator: Exists
            """;

        var partial = AuditYaml.Run(Server("[server]"), Controller(), AuditYaml.HardenedConfig, controllerOnly, workflowNamespace);
        Assert.Equal(["Deployment argo/argo-server", "Namespace/team-a"],
            partial.Findings.Where(f => f.RuleId == "ARGO0011").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));

        var complete = AuditYaml.Run(Server("[server]"), Controller(), AuditYaml.HardenedConfig, controllerOnly, workflowNamespace, workflowPods,
            controllerOnly.Replace("workflow-controller", "argo-server", StringComparison.Ordinal).Replace("name: controller", "name: server", StringComparison.Ordinal));
        Assert.Empty(complete.Findings);
    }

    [Theory]
    [InlineData("- ports: [{port: 9090}]", true)]
    [InlineData("- from: [{namespaceSelector: {}}]", true)]
    [InlineData("- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]\n    ports: [{port: 9090}]", false)]
    [InlineData("- ports: [{port: 2746}]", false)]
    public void MetricsOpenToEveryNamespace_IsReported(string ingress, bool reported)
    {
        var policy = $$$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: controller
              namespace: argo
            spec:
              podSelector: {matchLabels: {app: workflow-controller}}
              ingress:
              {{{ingress}}}
            """;

        var report = AuditYaml.Run(Controller(), AuditYaml.HardenedConfig, policy);

        Assert.Equal(reported ? ["ARGO0013"] : [], report.RuleIds);
    }

    [Fact]
    public void WorkflowCreateInTheControllerNamespace_IsReported()
    {
        var rbac = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: submitter
              namespace: argo
            rules:
            - apiGroups: [argoproj.io]
              resources: [workflows]
              verbs: [create, get]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: submitters
              namespace: argo
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: submitter}
            subjects:
            - kind: Group
              name: developers
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Workflow
            metadata:
              name: in-argo
              namespace: argo
            spec:
              templates:
              - name: main
                container: {image: busybox:1.36, command: [sh]}
            """;

        var report = AuditYaml.Run(Controller(), AuditYaml.HardenedConfig, AllowAll, rbac);

        Assert.Equal(["RoleBinding argo/submitters", "Workflow argo/in-argo"],
            report.Findings.Where(f => f.RuleId == "ARGO0002").Select(f => f.Object.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["ARGO0002"], report.RuleIds);
    }

    [Fact]
    public void LiteralDatabasePassword_InAReferencedSecret_IsReported_ButATokenSecretIsNot()
    {
        var config = AuditYaml.HardenedConfig + """

              persistence: |
                archive: true
                postgresql:
                  host: db
                  ssl: true
                  sslMode: verify-full
                  userNameSecret: {name: argo-db, key: username}
                  passwordSecret: {name: argo-db, key: password}
            """;
        var secrets = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: argo-db
              namespace: argo
            data:
              username: YXJnbw==
              password: c2VjcmV0
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: argo-executor.service-account-token
              namespace: argo
              annotations:
                kubernetes.io/service-account.name: argo-executor
            type: kubernetes.io/service-account-token
            """;

        var report = AuditYaml.Run(Controller(), config, secrets, AllowAll);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("ARGO0016", finding.RuleId);
        Assert.Equal("Secret argo/argo-db", finding.Object.ToString());
    }

    [Fact]
    public void UnpinnedArgoImages_AreReported_OtherImagesAreNot()
    {
        var controller = Controller("[--executor-image, quay.io/argoproj/argoexec]").Replace("workflow-controller:v4.1.2", "workflow-controller:latest", StringComparison.Ordinal);
        var other = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: minio, namespace: argo}
            spec:
              template:
                spec:
                  containers:
                  - {name: minio, image: minio/minio}
            """;

        var report = AuditYaml.Run(controller, AuditYaml.HardenedConfig, AllowAll, other);

        Assert.Equal(2, report.Findings.Count(f => f.RuleId == "ARGO0018"));
        Assert.Equal(["ARGO0018"], report.RuleIds);
    }

    [Fact]
    public void KubectlOutput_OwnedPodsAndReplicaSets_DoNotRepeatTheDeploymentsFindings()
    {
        var pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: argo-server-5d8f-abcde
              namespace: argo
              ownerReferences:
              - {apiVersion: apps/v1, kind: ReplicaSet, name: argo-server-5d8f, uid: 1}
            spec:
              serviceAccountName: argo-server
              containers:
              - name: argo-server
                image: quay.io/argoproj/argocli:latest
                args: [server, --secure=false]
            """;

        var report = AuditYaml.Run(Server("[server, --secure=false]").Replace("v4.1.2", "latest", StringComparison.Ordinal), Controller(), AuditYaml.HardenedConfig, AllowAll, pod);

        Assert.All(report.Findings, f => Assert.Equal("Deployment argo/argo-server", f.Object.ToString()));
        Assert.Equal(["ARGO0004", "ARGO0018"], report.RuleIds);
    }

    [Fact]
    public void Findings_AreSortedDeterministically()
    {
        var inputs = new[] { Server("[server, --auth-mode=server, --secure=false]"), Controller(), AuditYaml.HardenedConfig };
        var first = AuditYaml.Run(inputs).Findings.Select(f => $"{f.Location}|{f.RuleId}|{f.Object}").ToList();
        var second = AuditYaml.Run(inputs).Findings.Select(f => $"{f.Location}|{f.RuleId}|{f.Object}").ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Order(StringComparer.Ordinal).Count(), first.Count);
    }
}
