using ArgoSecure.Planning;
using ArgoSecure.Validation;

namespace ArgoSecure.Tests.Validation;

/// <summary>Bad input gives an error naming the input, the value and the fix, and nothing is planned.</summary>
public class BadInputTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "Controller.Namespace", "Argo_System", "argo-system" },
        { "Controller.Namespace", "", "Set Controller.Namespace" },
        { "WorkflowNamespaces[0].Name", "team a", "team-a" },
        { "WorkflowNamespaces[0].Name", "", "namespace name" },
        { "Server.IngressFromNamespaces[0]", "-ingress", "Rename it" },
        { "Controller.WorkflowDefaults.ServiceAccountName", "Workflow SA", "workflow-sa" },
        { "Controller.Images.ControllerDigest", "sha256:abc", "64 hex digits" },
        { "Controller.Resources.CpuLimit", "lots", "quantity" },
        { "Controller.ApiServerEgress[0].Cidr", "10.0.0.0/40", "10.0.0.0/16" },
        { "Controller.Metrics.Port", "70000", "between 1 and 65535" },
        { "WorkflowNamespaces[0].AllowedServiceAccounts[0]", "Team Runner", "team-runner" },
        { "WorkflowNamespaces[0].AllowedServiceAccounts[0]", "team-b/runner", "'runner' created in 'team-a'" },
        { "WorkflowNamespaces[0].AllowedServiceAccounts[0]", "system:serviceaccount:team-b:runner", "by name only" },
        { "WorkflowNamespaces[0].AllowedServiceAccounts[0]", "", "is empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void InvalidValue_IsAnInputError_WithTheFix(string property, string value, string fixHint)
    {
        var args = Apply(property, value);
        var exception = Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(args));
        var error = Assert.Single(exception.Result.InputErrors);
        Assert.Equal(property, error.Property);
        Assert.Equal(value, error.Value ?? "");
        Assert.Contains(fixHint, error.Fix + error.Message, StringComparison.Ordinal);
        Assert.Contains(property, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowNamespaceAlone_WithAnAllowedAccountOfAnotherNamespace_PlansNothing()
    {
        var args = new WorkflowNamespaceArgs { Name = "team-a", AllowedServiceAccounts = ["runner", "team-b/runner", "runner"] };

        var exception = Assert.Throws<ArgoSecureValidationException>(() => Planner.PlanWorkflowNamespace(args));

        Assert.Equal(["AllowedServiceAccounts[1]", "AllowedServiceAccounts[2]"], exception.Result.InputErrors.Select(e => e.Property));
        Assert.Contains("another namespace", exception.Message, StringComparison.Ordinal);
        Assert.Contains("listed twice", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateWorkflowNamespaces_AreAnError()
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "team" }, new() { Name = "team" }] };
        var error = Assert.Single(ArgsValidator.Validate(args).InputErrors);
        Assert.Equal("WorkflowNamespaces[1].Name", error.Property);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManagedNamespaceEqualToTheControllers_IsARG0001_WithTheFix()
    {
        var args = new ArgoWorkflowsArgs { Controller = new() { Namespace = "ci", Scope = InstallScope.Namespaced("ci") } };
        var exception = Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(args));
        var finding = Assert.Single(exception.Result.Findings);
        Assert.Equal("ARGO0001", finding.RuleId);
        Assert.Contains("InstallScope.Namespaced(\"ci-workflows\")", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespaceInstall_WithAnotherWorkflowNamespace_IsAnError()
    {
        var args = new ArgoWorkflowsArgs
        {
            Controller = new() { Scope = InstallScope.Namespaced("pipelines") },
            WorkflowNamespaces = [new() { Name = "other" }],
        };
        var errors = ArgsValidator.Validate(args).InputErrors;
        Assert.Contains(errors, e => e.Property == "WorkflowNamespaces[0].Name" && e.Message.Contains("'pipelines'", StringComparison.Ordinal));
    }

    [Fact]
    public void NamespaceInstall_WithTheControllersNamespaceAsAnotherWorkflowNamespace_IsAnError()
    {
        // Found by ArgsPropertyTests (seed 5h3YfvCTaSA3): the namespace was planned with its submitters' RBAC.
        var args = new ArgoWorkflowsArgs
        {
            Controller = new() { Namespace = "argo-system", Scope = InstallScope.Namespaced("argo") },
            WorkflowNamespaces = [new() { Name = "argo-system", Submitters = [new() { Kind = SubjectKind.Group, Name = "batch" }] }],
        };
        var error = Assert.Single(ArgsValidator.Validate(args).InputErrors);
        Assert.Equal("WorkflowNamespaces[0].Name", error.Property);
        Assert.Contains("'argo'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(args));
    }

    [Fact]
    public void SsoWithoutIssuer_IsAnError()
    {
        var args = new ArgoWorkflowsArgs { Server = new() { AuthModes = [AuthMode.Sso], Sso = new() { RedirectUrl = "https://argo.example.com/oauth2/callback" } } };
        var error = Assert.Single(ArgsValidator.Validate(args).InputErrors);
        Assert.Equal("Server.Sso.Issuer", error.Property);
        Assert.Contains("https://", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void SsoModeWithoutSettings_AndSettingsWithoutMode_AreErrors()
    {
        Assert.Equal("Server.Sso", Assert.Single(ArgsValidator.Validate(new ArgoWorkflowsArgs { Server = new() { AuthModes = [AuthMode.Sso] } }).InputErrors).Property);
        var unused = new ArgoWorkflowsArgs { Server = new() { Sso = new() { Issuer = "https://idp.example.com", RedirectUrl = "https://a.example.com/oauth2/callback" } } };
        Assert.Contains("ignored", Assert.Single(ArgsValidator.Validate(unused).InputErrors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpIssuerAndRedirect_AreErrors()
    {
        var args = new ArgoWorkflowsArgs
        {
            Server = new() { AuthModes = [AuthMode.Sso], Sso = new() { Issuer = "http://idp.example.com", RedirectUrl = "http://argo.example.com/callback" } },
        };
        Assert.Equal(["Server.Sso.Issuer", "Server.Sso.RedirectUrl"], ArgsValidator.Validate(args).InputErrors.Select(e => e.Property));
    }

    [Fact]
    public void EveryProblem_IsListedAtOnce()
    {
        var args = new ArgoWorkflowsArgs
        {
            Controller = new() { Namespace = "Bad Name", Replicas = 0 },
            Server = new() { AuthModes = [] },
            WorkflowNamespaces = [new() { Name = "" }],
        };
        var exception = Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(args));
        Assert.Equal(["Controller.Namespace", "Controller.Replicas", "Server.AuthModes", "WorkflowNamespaces[0].Name"], exception.Result.InputErrors.Select(e => e.Property));
    }

    private static ArgoWorkflowsArgs Apply(string property, string value)
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "team-a" }] };
        switch (property)
        {
            case "Controller.Namespace": args.Controller.Namespace = value; break;
            case "WorkflowNamespaces[0].Name": args.WorkflowNamespaces[0].Name = value; break;
            case "Server.IngressFromNamespaces[0]": args.Server!.IngressFromNamespaces = [value]; break;
            case "Controller.WorkflowDefaults.ServiceAccountName": args.Controller.WorkflowDefaults.ServiceAccountName = value; break;
            case "Controller.Images.ControllerDigest": args.Controller.Images.ControllerDigest = value; break;
            case "Controller.Resources.CpuLimit": args.Controller.Resources.CpuLimit = value; break;
            case "Controller.ApiServerEgress[0].Cidr": args.Controller.ApiServerEgress = [new() { Cidr = value }]; break;
            case "WorkflowNamespaces[0].AllowedServiceAccounts[0]": args.WorkflowNamespaces[0].AllowedServiceAccounts = [value]; break;
            case "Controller.Metrics.Port": args.Controller.Metrics.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: throw new ArgumentOutOfRangeException(nameof(property), property, null);
        }

        return args;
    }
}
