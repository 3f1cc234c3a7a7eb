using ArgoSecure.Planning;
using ArgoSecure.Validation;

namespace ArgoSecure.Pulumi.Internal;

/// <summary>
/// What a component registers, computed before the component registers itself: its Args, the planned objects
/// of its part, and the validation result whose findings it reports (null when a parent component reported
/// them already).
/// </summary>
internal sealed class ComponentPlan<TArgs>
    where TArgs : class
{
    public ComponentPlan(TArgs args, IReadOnlyList<PlannedObject> objects, ValidationResult? validation)
    {
        Args = args;
        Objects = objects;
        Validation = validation;
    }

    public TArgs Args { get; }

    public IReadOnlyList<PlannedObject> Objects { get; }

    public ValidationResult? Validation { get; }
}

/// <summary>Validation and planning for the components, run before anything is registered.</summary>
internal static class ComponentPlans
{
    /// <summary>
    /// Validates with <paramref name="plan"/> (the core planner validates first) and turns a refusal into an
    /// <see cref="ArgumentException"/> on <c>args</c> that names the component and lists every problem.
    /// </summary>
    public static InstallPlan Plan<TArgs>(string typeToken, string name, TArgs args, Func<TArgs, InstallPlan> plan)
        where TArgs : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return plan(args);
        }
        catch (ArgoSecureValidationException refused)
        {
            throw new ArgumentException($"{typeToken} '{name}': {refused.Message}", nameof(args), refused);
        }
    }
}
