using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace ArgoSecure.Pulumi.Tests.TestSupport;

/// <summary>Runs a Pulumi program under the mocks.</summary>
public static class Run
{
    public static async Task<(ImmutableArray<Resource> Resources, ArgoMocks Mocks)> Program(Action program, bool preview = false)
    {
        var mocks = new ArgoMocks();
        var resources = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = preview, ProjectName = "argosecure-tests", StackName = "test" }, program);
        return (resources, mocks);
    }

    public static Task<T> Value<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);

    public static Task<bool> IsKnown<T>(Output<T> output) => OutputUtilities.GetIsKnownAsync(output);

    /// <summary>The resources a resource depends on explicitly (its <c>DependsOn</c> option).</summary>
    public static async Task<IReadOnlyList<Resource>> DependsOn(ResourceOptions options)
    {
        var all = await Value(Output.All(new Input<ImmutableArray<Resource>>[] { options.DependsOn }));
        return all.Single();
    }
}
