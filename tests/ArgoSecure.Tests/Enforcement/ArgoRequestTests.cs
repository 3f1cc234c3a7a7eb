using System.Text.Json.Nodes;
using ArgoSecure.Tests.TestSupport;

namespace ArgoSecure.Tests.Enforcement;

/// <summary>
/// Argo itself is never broken: the controller's own requests and UPDATEs that leave the checked spec fields as
/// they were are not judged again, so a workflow admitted before enforcement (or in Warn mode) still runs, is
/// stopped, and finishes; a change of the checked fields is judged.
/// </summary>
public class ArgoRequestTests
{
    // Admitted before enforcement: it breaks three checks.
    private static readonly string Legacy = Fixtures.Workflow(
        "serviceAccountName: namespace-admin\nautomountServiceAccountToken: true\ntemplates:\n- name: main\n  container:\n    image: busybox:1.36\n    securityContext: {privileged: true}");

    private static JsonNode With(string yaml, Action<JsonObject> change)
    {
        var value = YamlJson.Single(yaml)!;
        change(value.AsObject());
        return value;
    }

    [Fact]
    public void LegacyWorkflow_IsDeniedWhenCreatedByAUser()
    {
        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Create(YamlJson.Single(Legacy)));

        Assert.Equal(["ARGO0008", "ARGO0009", "ARGO0021"], result.RuleIds);
    }

    [Fact]
    public void ControllerStatusAndLabelUpdates_AreNotJudged()
    {
        var before = YamlJson.Single(Legacy);
        var after = With(Legacy, o =>
        {
            o["metadata"]!["labels"] = new JsonObject { ["workflows.argoproj.io/phase"] = "Running" };
            o["metadata"]!["finalizers"] = new JsonArray("workflows.argoproj.io/artifact-gc");
            o["status"] = new JsonObject { ["phase"] = "Running", ["nodes"] = new JsonObject() };
        });

        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(before, after, Policies.Controller));

        Assert.Equal("skipped", result.Outcome);
    }

    [Fact]
    public void ControllerCreatingAWorkflowFromACronWorkflow_IsNotJudged()
    {
        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Create(YamlJson.Single(Legacy), Policies.Controller));

        Assert.Equal("skipped", result.Outcome);
    }

    [Fact]
    public void ControllerOfAnotherNamespace_IsJudged()
    {
        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Create(YamlJson.Single(Legacy), "system:serviceaccount:team-a:workflow-controller"));

        Assert.Equal("denied", result.Outcome);
    }

    [Fact]
    public void UserUpdates_ThatLeaveTheCheckedFieldsAlone_AreNotJudged()
    {
        // argo stop and argo suspend set spec.shutdown and spec.suspend; labels and annotations are metadata.
        var before = YamlJson.Single(Legacy);
        var after = With(Legacy, o =>
        {
            o["spec"]!["shutdown"] = "Stop";
            o["spec"]!["suspend"] = true;
            o["metadata"]!["annotations"] = new JsonObject { ["note"] = "stopped by the on-call" };
        });

        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(before, after));

        Assert.Equal("skipped", result.Outcome);
    }

    [Fact]
    public void UserUpdate_OfACheckedField_JudgesTheWholeSpec()
    {
        var before = YamlJson.Single(Legacy);
        var after = With(Legacy, o => o["spec"]!["templates"]![0]!["container"]!["image"] = "python:3.12-slim");

        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(before, after));

        Assert.Equal(["ARGO0008", "ARGO0009", "ARGO0021"], result.RuleIds);
    }

    [Fact]
    public void UserUpdate_ThatRemovesAField_IsJudged()
    {
        var before = YamlJson.Single(Legacy);
        var after = With(Legacy, o => o["spec"]!.AsObject().Remove("automountServiceAccountToken"));

        var result = CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(before, after));

        Assert.Equal(["ARGO0009", "ARGO0021"], result.RuleIds);
    }

    [Fact]
    public void CronWorkflow_SuspendIsNotJudged_ButItsWorkflowSpecIs()
    {
        var cron = Fixtures.Cron("podSpecPatch: '{}'\n" + Fixtures.Main);
        var suspended = With(cron, o => o["spec"]!["suspend"] = true);
        var edited = With(cron, o => o["spec"]!["workflowSpec"]!["entrypoint"] = "main");

        Assert.Equal("skipped", CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(YamlJson.Single(cron), suspended)).Outcome);
        Assert.Equal(["ARGO0019"], CelEngine.Shared.Admit(Policies.TeamA, AdmissionRequest.Update(YamlJson.Single(cron), edited)).RuleIds);
    }
}
