using ArgoSecure.Planning;
using ArgoSecure.Validation;

namespace ArgoSecure.Tests.Releases;

/// <summary>ArgoImages.Version picks the release: an unsupported line is an input error naming the supported lines, and nothing is planned.</summary>
public class ReleaseValidationTests
{
    private static ArgoWorkflowsArgs With(string version, Action<ArgoWorkflowsArgs>? change = null)
    {
        var args = new ArgoWorkflowsArgs { WorkflowNamespaces = [new() { Name = "workflows" }] };
        args.Controller.Images.Version = version;
        change?.Invoke(args);
        return args;
    }

    [Theory]
    [InlineData("v3.6.5")]
    [InlineData("v4.2.0")]
    [InlineData("2.12.13")]
    public void UnsupportedLine_IsAnInputError_NamingTheSupportedLines(string version)
    {
        var result = ArgsValidator.Validate(With(version));

        var error = Assert.Single(result.InputErrors);
        Assert.Equal("Controller.Images.Version", error.Property);
        Assert.Equal(version, error.Value);
        Assert.Contains("3.7, 4.0 and 4.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ARGO0026", error.Message, StringComparison.Ordinal);
        Assert.Contains("v3.7.18", error.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "ARGO0018");

        // Not a risk to accept: nothing is planned even with every rule accepted.
        var accepting = With(version, a => a.AcceptedRisks.AddRange(Rules.RuleCatalog.All.Select(r => new AcceptedRisk { RuleId = r.Id, Justification = "test" })));
        var refused = Assert.Throws<ArgoSecureValidationException>(() => Planner.Plan(accepting));
        Assert.Contains("Controller.Images.Version", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v3.7.0")]
    [InlineData("v3.7.18")]
    [InlineData("v4.0.10")]
    [InlineData("v4.1.2")]
    public void SupportedRelease_PlansWithoutFindings(string version)
    {
        var plan = Planner.Plan(With(version));

        Assert.Empty(plan.Validation.Findings);
        Assert.Contains(plan.Objects, o => o.Kind == "Deployment");
    }

    [Fact]
    public void UnpinnedTag_StaysARGO0018_AndPlansTheNewestLine()
    {
        var result = ArgsValidator.Validate(With("latest"));

        Assert.Empty(result.InputErrors);
        Assert.Equal("ARGO0018", Assert.Single(result.Findings).RuleId);
    }

    [Theory]
    [InlineData("v3.7.16", false)]
    [InlineData("v3.7.17", true)]
    [InlineData("v4.0.7", false)]
    [InlineData("v4.0.8", true)]
    [InlineData("v4.1.2", true)]
    public void UserOverrideAllowlist_NeedsAReleaseThatReadsIt(string version, bool valid)
    {
        var result = ArgsValidator.Validate(With(version, a => a.Controller.UserOverrideAllowlist = ["activeDeadlineSeconds"]));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.InputErrors);
            Assert.Equal("Controller.UserOverrideAllowlist", error.Property);
            Assert.Contains("WORKFLOW_USER_OVERRIDE_ALLOWLIST", error.Message, StringComparison.Ordinal);
            Assert.Contains("v3.7.17 and v4.0.8", error.Fix, StringComparison.Ordinal);
        }
    }
}
