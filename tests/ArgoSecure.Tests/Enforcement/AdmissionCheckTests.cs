using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Enforcement;

/// <summary>
/// Every check of the rendered workflow-spec policy, evaluated by a real CEL engine: denied fixtures are refused
/// with their rule ID, near misses and the hardened samples are admitted, sparse objects never raise an error.
/// </summary>
public class AdmissionCheckTests
{
    public static TheoryData<string, string, string[]> Denied => Fixtures.Denied;

    public static TheoryData<string, string> Admitted => Fixtures.Admitted;

    public static TheoryData<string, string> Sparse => Fixtures.Sparse;

    [Theory]
    [MemberData(nameof(Denied))]
    public void Create_ThatBreaksThePosture_IsDeniedWithTheRuleId(string name, string yaml, string[] ruleIds)
    {
        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Create(YamlJson.Single(yaml)));

        Assert.True(result.Errors.Count == 0, $"{name}: {result}");
        Assert.Equal("denied", result.Outcome);
        Assert.Equal(ruleIds, result.RuleIds);
    }

    [Theory]
    [MemberData(nameof(Denied))]
    public void Update_ThatIntroducesTheProblem_IsJudged(string name, string yaml, string[] ruleIds)
    {
        // Every spec field a check reads counts as a change: an UPDATE from a clean spec to the fixture is refused.
        var before = YamlJson.Single(yaml.Contains("kind: CronWorkflow", StringComparison.Ordinal) ? Fixtures.Cron(Fixtures.Main) : Fixtures.Workflow(Fixtures.Main));
        var after = YamlJson.Single(yaml);

        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(before, after));

        Assert.True(result.Outcome == "denied" && result.Errors.Count == 0, $"{name}: {result}");
        Assert.Equal(ruleIds, result.RuleIds);
    }

    [Theory]
    [MemberData(nameof(Admitted))]
    public void NearMiss_IsAdmitted(string name, string yaml)
    {
        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Create(YamlJson.Single(yaml)));

        Assert.True(result.Outcome == "admitted", $"{name}: {result}");
    }

    [Theory]
    [MemberData(nameof(Sparse))]
    public void SparseObject_IsAdmitted_WithoutAnEvaluationError(string name, string yaml)
    {
        var value = YamlJson.Single(yaml);
        foreach (var policy in new[] { Policies.TeamA, Policies.ClusterTemplates })
        {
            var created = CelEngine.Shared.Admit(policy, AdmissionRequest.Create(value));
            var updated = CelEngine.Shared.Admit(policy, AdmissionRequest.Update(YamlJson.Single(Fixtures.Workflow(Fixtures.Main)), value));

            Assert.True(created.Outcome == "admitted", $"{name}: {created}");
            // An update that changes nothing the checks read is not judged at all (skipped).
            Assert.True(updated.Outcome is "admitted" or "skipped" && updated.Errors.Count == 0, $"{name} as an update: {updated}");
        }
    }

    [Fact]
    public void HardenedSamples_AreAdmitted()
    {
        var samples = Policies.Samples().ToList();
        Assert.Equal(5, samples.Count);
        foreach (var (file, value) in samples)
        {
            var policy = value["kind"]!.GetValue<string>() == "ClusterWorkflowTemplate" ? Policies.ClusterTemplates : Policies.TeamA;
            var result = CelEngine.Shared.Admit(policy, AdmissionRequest.Create(value));
            Assert.True(result.Outcome == "admitted", $"{file}: {result}");
        }
    }

    [Fact]
    public void ClusterWorkflowTemplates_AreHeldToTheSamePosture()
    {
        var template = YamlJson.Single(Fixtures.Workflow("podSpecPatch: '{}'\nserviceAccountName: team-a-runner\n" + Fixtures.Main, "ClusterWorkflowTemplate"));

        var result = CelEngine.Shared.Admit(Policies.ClusterTemplates, AdmissionRequest.Create(template));

        Assert.Equal("denied", result.Outcome);
        Assert.Equal(["ARGO0009", "ARGO0019"], result.RuleIds);
        Assert.Contains(result.Messages, m => m.Contains("ClusterWorkflowTemplates does not allow; allowed: argo-workflow", StringComparison.Ordinal));
    }

    [Fact]
    public void DenialMessages_StartWithTheRuleId_AndEndWithItsHelpLink()
    {
        foreach (var validation in Policies.TeamA.Validations)
        {
            var id = validation.Message[..8];
            Assert.Matches("^ARGO[0-9]{4}$", id);
            Assert.StartsWith(id + ": ", validation.Message, StringComparison.Ordinal);
            Assert.EndsWith($"See https://github.com/argosecure/argosecure/blob/main/docs/rules/{id}.md", validation.Message, StringComparison.Ordinal);
            Assert.Equal("Forbidden", validation.Reason);
        }
    }
}
