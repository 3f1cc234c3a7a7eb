using ArgoSecure.Planning;
using ArgoSecure.Pulumi.Internal;
using ArgoSecure.Pulumi.Tests.TestSupport;

namespace ArgoSecure.Pulumi.Tests;

/// <summary>Planned objects become plain values Pulumi can serialize, deterministically and without loss.</summary>
public sealed class PlainObjectsTests
{
    private static readonly IReadOnlyList<PlannedObject> Objects = Planner.Plan(new ArgoWorkflowsArgs
    {
        Controller = new ArgoControllerArgs { Replicas = 2, Persistence = new PersistenceArgs { Host = "db.example.com" } },
        WorkflowNamespaces = [new WorkflowNamespaceArgs { Name = "team-a", Submitters = [RbacSubject.Group("devs")] }],
    }).Objects;

    [Fact]
    public void EveryValue_IsOfATypePulumiSerializes()
    {
        foreach (var planned in Objects)
        {
            AssertPlain(PlainObjects.ToPlain(planned), planned.ToString());
        }
    }

    [Fact]
    public void Conversion_IsDeterministic_AndLosesNothing()
    {
        foreach (var planned in Objects)
        {
            var first = PlainObjects.ToPlain(planned);
            var second = PlainObjects.ToPlain(planned);
            Assert.Equal(first.Keys, second.Keys);
            Assert.Equal(Canonical.Of(planned), Canonical.OfPulumi(first));
        }
    }

    [Fact]
    public void Numbers_AreIntegers_WherePulumiNeedsThem()
    {
        var deployment = Objects.Single(o => o.Kind == "Deployment" && o.Name == Labels.ControllerName);
        var plain = PlainObjects.ToPlain(deployment);

        var spec = (Dictionary<string, object>)plain["spec"];
        Assert.Equal(2, Assert.IsType<int>(spec["replicas"]));
        var pod = (Dictionary<string, object>)((Dictionary<string, object>)spec["template"])["spec"];
        var security = (Dictionary<string, object>)pod["securityContext"];
        Assert.IsType<int>(security["runAsUser"]);
    }

    [Fact]
    public void ToObjs_KeepsThePlanOrder()
    {
        var objs = PlainObjects.ToObjs(Objects);

        Assert.Equal(Objects.Select(o => o.Name), objs.Select(o => (string)((Dictionary<string, object>)((Dictionary<string, object>)o)["metadata"])["name"]));
    }

    private static void AssertPlain(object? value, string where)
    {
        switch (value)
        {
            case string or bool or int or double:
                return;
            case Dictionary<string, object> dictionary:
                foreach (var (key, child) in dictionary)
                {
                    Assert.NotNull(child);
                    AssertPlain(child, $"{where}.{key}");
                }

                return;
            case List<object?> list:
                foreach (var child in list)
                {
                    AssertPlain(child, where + "[]");
                }

                return;
            default:
                Assert.Fail($"{where}: {value?.GetType().FullName ?? "null"} is not a plain value");
                return;
        }
    }
}
