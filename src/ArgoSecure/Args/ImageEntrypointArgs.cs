namespace ArgoSecure;

/// <summary>
/// How the controller finds what to run in a container that sets no <c>command</c> (reference F13, entrypoint
/// lookup): from the image index in its ConfigMap, or from the image's config in its registry. Default: neither,
/// so such a container is refused at admission (set <c>command</c>, or list its image here).
/// </summary>
public sealed class ImageEntrypointArgs
{
    /// <summary>
    /// The image index (the controller ConfigMap's <c>images</c> key): the command of each listed image, so the
    /// controller never calls a registry for it. Argo matches the image text exactly, tag included. Default: empty.
    /// </summary>
    public List<ImageEntrypoint> Index { get; set; } = [];

    /// <summary>
    /// The registries (address range and port each) the controller may read image configs from for the images the
    /// index does not list. Non-empty turns registry lookups on: the controller gets egress there and may read the
    /// image-pull Secrets each workflow namespace names (<see cref="WorkflowNamespaceArgs.ImagePullSecrets"/>), by
    /// name. Every target needs a CIDR. Default: empty (off).
    /// </summary>
    public List<EgressTarget> RegistryEgress { get; set; } = [];

    /// <summary>True when the controller may look images up in registries.</summary>
    public bool RegistryLookups => RegistryEgress is { Count: > 0 };
}

/// <summary>One entry of the image index: what the image runs, as its config says (Docker ENTRYPOINT and CMD).</summary>
public sealed class ImageEntrypoint
{
    /// <summary>The image exactly as templates write it, for example <c>python:3.12-slim</c> (a digest pins it).</summary>
    public string Image { get; set; } = "";

    /// <summary>The image's ENTRYPOINT; used as the command.</summary>
    public List<string> Entrypoint { get; set; } = [];

    /// <summary>The image's CMD; used as the args when the template gives none.</summary>
    public List<string> Cmd { get; set; } = [];
}
