using ArgoSecure.Planning;
using ArgoSecure.Rules;
using ArgoSecure.Validation;

namespace ArgoSecure.Tests.Validation;

/// <summary>Every rule Args can express fires on its insecure Args, not on the defaults, and an accepted risk silences it.</summary>
public class RuleTests
{
    /// <summary>For each rule: a complete install that breaks exactly that rule, and the Args property named.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, property) in InsecureCases.Keys)
        {
            data.Add(id, property);
        }

        return data;
    }

    private static readonly Dictionary<(string Id, string Property), Func<ArgoWorkflowsArgs>> InsecureCases = new()
    {
        [("ARGO0001", "Controller.Scope")] = () => With(a => { a.WorkflowNamespaces.Clear(); a.Controller.Scope = InstallScope.Namespaced("argo"); }),
        [("ARGO0002", "WorkflowNamespaces[1].Name")] = () => With(a => a.WorkflowNamespaces.Add(new WorkflowNamespaceArgs { Name = "argo" })),
        [("ARGO0003", "Server.AuthModes")] = () => With(a => a.Server!.AuthModes = [AuthMode.Server]),
        [("ARGO0004", "Server.Tls.Enabled")] = () => With(a => a.Server!.Tls.Enabled = false),
        [("ARGO0005", "Server.Sso.RbacEnabled")] = () => With(a => { a.Server!.AuthModes = [AuthMode.Sso]; a.Server.Sso = Sso(); a.Server.Sso.RbacEnabled = false; }),
        [("ARGO0006", "Server.Sso.InsecureSkipVerify")] = () => With(a => { a.Server!.AuthModes = [AuthMode.Sso]; a.Server.Sso = Sso(); a.Server.Sso.InsecureSkipVerify = true; }),
        [("ARGO0007", "Controller.WorkflowDefaults.RunAsNonRoot")] = () => With(a => a.Controller.WorkflowDefaults.RunAsNonRoot = false),
        [("ARGO0008", "Controller.WorkflowDefaults.AutomountServiceAccountToken")] = () => With(a => a.Controller.WorkflowDefaults.AutomountServiceAccountToken = true),
        [("ARGO0009", "Controller.WorkflowDefaults.ServiceAccountName")] = () => With(a => a.Controller.WorkflowDefaults.ServiceAccountName = "default"),
        [("ARGO0010", "Controller.TemplateReferencing")] = () => With(a => a.Controller.TemplateReferencing = TemplateReferencing.None),
        [("ARGO0011", "WorkflowNamespaces[0].NetworkPolicies")] = () => With(a => a.WorkflowNamespaces[0].NetworkPolicies = false),
        [("ARGO0012", "Server.AccessLevel")] = () => With(a =>
        {
            a.Server!.AuthModes = [AuthMode.Server];
            a.Server.AccessLevel = ServerAccessLevel.ReadWrite;
            a.AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0003", Justification = "test" });
        }),
        [("ARGO0013", "Controller.Metrics.Secure")] = () => With(a => a.Controller.Metrics.Secure = false),
        [("ARGO0014", "Controller.Persistence.TlsMode")] = () => With(a => a.Controller.Persistence = new PersistenceArgs { Host = "db", TlsMode = DatabaseTlsMode.Require }),
        [("ARGO0015", "Controller.UserOverrideAllowlist")] = () => With(a => a.Controller.UserOverrideAllowlist = ["podSpecPatch", "arguments"]),
        [("ARGO0016", "Controller.Persistence.PasswordSecret.LiteralValue")] = () => With(a =>
            a.Controller.Persistence = new PersistenceArgs { Host = "db", PasswordSecret = new SecretKeyReference { Name = "argo-db", Key = "password", LiteralValue = "hunter2" } }),
        [("ARGO0017", "Server.AccessControlAllowOrigin")] = () => With(a => a.Server!.AccessControlAllowOrigin = "*"),
        [("ARGO0018", "Controller.Images.Version")] = () => With(a => a.Controller.Images.Version = "latest"),
        [("ARGO0023", "WorkflowNamespaces[0].WorkflowSpecEnforcement")] = () => With(a => a.WorkflowNamespaces[0].WorkflowSpecEnforcement = WorkflowSpecEnforcement.Warn),
    };

    [Fact]
    public void Defaults_BreakNoRule()
    {
        var result = ArgsValidator.Validate(Secure());
        Assert.Empty(result.InputErrors);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void EveryArgsRuleOfTheCatalogue_HasACase()
    {
        // Rules only an audit of existing manifests can decide have no Args to break them.
        var argsRules = RuleCatalog.All.Where(r => r.CheckedBy.HasFlag(RuleChecks.Validation)).Select(r => r.Id);
        Assert.Equal(argsRules, InsecureCases.Keys.Select(k => k.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InsecureArgs_ReportTheRule_NamingTheProperty(string id, string property)
    {
        var result = ArgsValidator.Validate(InsecureCases[(id, property)]());
        Assert.Empty(result.InputErrors);
        var finding = Assert.Single(result.Findings, f => !f.IsAccepted);
        Assert.Equal(id, finding.RuleId);
        Assert.Equal(property, finding.Property);
        Assert.Contains(property, finding.Message, StringComparison.Ordinal);
        Assert.Equal(RuleCatalog.GetHelpUri(id), finding.HelpUri);
        Assert.Equal(RuleCatalog.Get(id).Severity, finding.Severity);
        Assert.Equal(finding.Severity == RuleSeverity.Error, !result.IsValid);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AcceptedRisk_SilencesTheRule_AndKeepsTheJustification(string id, string property)
    {
        var args = InsecureCases[(id, property)]();
        args.AcceptedRisks.Add(new AcceptedRisk { RuleId = id, Justification = $"Accepted for {property} in a test." });
        var result = ArgsValidator.Validate(args);
        Assert.True(result.IsValid);
        var finding = Assert.Single(result.Findings, f => f.RuleId == id);
        Assert.True(finding.IsAccepted);
        Assert.Equal($"Accepted for {property} in a test.", finding.Acceptance!.Justification);

        var plan = Planner.Plan(args);
        Assert.Contains(plan.Validation.Findings, f => f.RuleId == id && f.IsAccepted);
    }

    [Fact]
    public void ErrorFindings_StopPlanning_WithOneExceptionListingAll()
    {
        var args = With(a =>
        {
            a.Server!.AuthModes = [AuthMode.Server];
            a.WorkflowNamespaces.Add(new WorkflowNamespaceArgs { Name = "argo" });
            a.Server.Tls.Enabled = false;
        });
        var exception = Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(args));
        Assert.Contains("ARGO0003", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ARGO0002", exception.Message, StringComparison.Ordinal);
        Assert.Contains(RuleCatalog.GetHelpUri("ARGO0003"), exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ARGO0004", exception.Message, StringComparison.Ordinal);
        Assert.Equal(["ARGO0002", "ARGO0003", "ARGO0004"], exception.Result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void AcceptingAnUnknownRule_OrWithoutJustification_IsAnInputError()
    {
        var args = Secure();
        args.AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO9999", Justification = "x" });
        args.AcceptedRisks.Add(new AcceptedRisk { RuleId = "ARGO0004", Justification = " " });
        var result = ArgsValidator.Validate(args);
        Assert.Equal(["AcceptedRisks[0].RuleId", "AcceptedRisks[1].Justification"], result.InputErrors.Select(e => e.Property));
    }

    [Fact]
    public void ComponentValidation_UsesTheComponentsOwnPropertyNames()
    {
        var result = ArgsValidator.Validate(new ArgoServerArgs { AuthModes = [AuthMode.Server] });
        Assert.Equal("AuthModes", Assert.Single(result.Findings).Property);
        var ns = ArgsValidator.Validate(new WorkflowNamespaceArgs { Name = "argo", ControllerNamespace = "argo" });
        Assert.Equal("ARGO0002", Assert.Single(ns.Findings).RuleId);
        var controller = ArgsValidator.Validate(new ArgoControllerArgs { Scope = InstallScope.Namespaced("argo") });
        Assert.Equal("ARGO0001", Assert.Single(controller.Findings).RuleId);
    }

    private static SsoArgs Sso() => new() { Issuer = "https://idp.example.com", RedirectUrl = "https://argo.example.com/oauth2/callback" };

    private static ArgoWorkflowsArgs Secure() => new() { WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a" }] };

    private static ArgoWorkflowsArgs With(Action<ArgoWorkflowsArgs> change)
    {
        var args = Secure();
        change(args);
        return args;
    }
}
