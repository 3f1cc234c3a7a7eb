using System.Collections.Concurrent;
using Pulumi;

namespace ArgoSecure.Pulumi.Tests.TestSupport;

/// <summary>
/// A resource transformation that records every resource it sees with its options and changes nothing. Given to
/// a component, it runs on the component and, through <c>Parent</c> only, on every descendant.
/// </summary>
public sealed class ParentRecorder
{
    private readonly ConcurrentQueue<(Resource Resource, ResourceOptions Options)> _seen = new();

    public IReadOnlyList<(Resource Resource, ResourceOptions Options)> Seen => _seen.ToList();

    public ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        _seen.Enqueue((args.Resource, args.Options));
        return null;
    }

    public ComponentResourceOptions Options() => new() { ResourceTransformations = { Record } };

    public Resource? ParentOf(Resource resource) => Seen.Single(s => ReferenceEquals(s.Resource, resource)).Options.Parent;

    public bool Saw(Resource resource) => Seen.Any(s => ReferenceEquals(s.Resource, resource));
}
