using ArgoSecure.Rules;

namespace ArgoSecure.Enforcement.Checks;

/// <summary>
/// ARGO0025, entrypoint lookup (reference F13): a container that sets no <c>command</c> makes the controller find its
/// image's entrypoint, in the image index or else in the registry. Refused unless the image is in the index, or
/// registry lookups are on and every image-pull Secret the workflow names may be read by the controller.
/// </summary>
internal sealed class ImageEntrypointCheck : AdmissionCheck
{
    public override string RuleId => RuleCatalog.WorkflowNeedsDisabledFeature;

    public override IReadOnlyList<string> SpecFields { get; } = ["imagePullSecrets"];

    // Lookups with pull Secrets that are not judged (ClusterWorkflowTemplates) always succeed as far as a policy can tell.
    public override bool AppliesTo(EnforcementScope scope) => !(scope.Features.RegistryLookups && scope.Features.ImagePullSecrets is null);

    public override string Expression(EnforcementScope scope)
    {
        var features = scope.Features;
        // A container without an image is left to Argo's own validation (it may inherit one from templateDefaults).
        var indexed = Cel.UnsetOrOneOf("c", "image", features.ImageIndex);
        var containers = $"{PolicyVariables.Commandless}.all(l, l.all(c, {indexed}))";
        if (!features.RegistryLookups)
        {
            return containers;
        }

        // A lookup reads every Secret spec.imagePullSecrets names: each must be one the controller may read.
        var readable = $"{Cel.ListAt(PolicyVariables.Spec, "imagePullSecrets")}.all(s, type(s) != map || {Cel.UnsetOrOneOf("s", "name", features.ImagePullSecrets!)})";
        return $"{readable} || {containers}";
    }

    public override string Problem(EnforcementScope scope)
    {
        var features = scope.Features;
        const string What = "a container, script, containerSet container or sidecar sets no command, so the controller must look up its image's entrypoint";
        return features.RegistryLookups
            ? $"{What}, and spec.imagePullSecrets names a Secret the controller may not read in {scope.Where}; the node would fail at run time. "
                + "Set command, list the image in the controller's ImageEntrypoints.Index, or add the Secret to the namespace's ImagePullSecrets."
            : $"{What}, but the image is not in the controller's image index and registry lookups are off in this install; the node would fail at run time. "
                + "Set command, list the image in the controller's ImageEntrypoints.Index, or turn registry lookups on with ImageEntrypoints.RegistryEgress.";
    }
}
