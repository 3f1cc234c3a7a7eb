using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace ArgoSecure.Pulumi.Tests.TestSupport;

/// <summary>One resource registration the mock monitor saw.</summary>
public sealed record Registration(string Type, string Name, ImmutableDictionary<string, object> Inputs, string? Provider);

/// <summary>Mocks that echo inputs as outputs and record every registration and every RegisterOutputs call.</summary>
public sealed class ArgoMocks : IMocks
{
    private readonly ConcurrentQueue<Registration> _registrations = new();
    private readonly ConcurrentQueue<(string Urn, ImmutableArray<string> Keys)> _outputs = new();

    public IReadOnlyList<Registration> Registrations => _registrations.ToList();

    /// <summary>The URN and output keys of every RegisterOutputs call.</summary>
    public IReadOnlyList<(string Urn, ImmutableArray<string> Keys)> RegisteredOutputs => _outputs.ToList();

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        _registrations.Enqueue(new Registration(args.Type ?? "", args.Name ?? "", args.Inputs, args.Provider));
        return Task.FromResult<(string? id, object state)>(($"{args.Name}-id", args.Inputs));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        _outputs.Enqueue((args.Urn, args.Outputs.Keys.Order(StringComparer.Ordinal).ToImmutableArray()));
        return Task.CompletedTask;
    }

    /// <summary>The ConfigGroups registered, in registration order.</summary>
    public IReadOnlyList<Registration> ConfigGroups => Registrations.Where(r => r.Type == "kubernetes:yaml/v2:ConfigGroup").ToList();
}
