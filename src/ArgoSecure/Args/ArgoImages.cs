namespace ArgoSecure;

/// <summary>Which Argo Workflows release runs, and from where.</summary>
public sealed class ArgoImages
{
    /// <summary>The default release: the newest patch of the newest supported line whose facts ArgoSecure was checked against.</summary>
    public const string DefaultVersion = "v4.1.2";

    /// <summary>The registry and organisation of the images. Default: <c>quay.io/argoproj</c>.</summary>
    public string Registry { get; set; } = "quay.io/argoproj";

    /// <summary>
    /// The release tag of every image, which also picks the release line the install is planned for (3.7, 4.0 or 4.1,
    /// see <c>ArgoReleases</c>). A release of another line is an input error (ARGO0026); a tag that is not a release
    /// (ARGO0018) is planned as the newest line. Default: <see cref="DefaultVersion"/> (pinned, hardened).
    /// </summary>
    public string Version { get; set; } = DefaultVersion;

    /// <summary>Optional <c>sha256:…</c> digest of the workflow-controller image.</summary>
    public string? ControllerDigest { get; set; }

    /// <summary>Optional <c>sha256:…</c> digest of the argo-server (argocli) image.</summary>
    public string? ServerDigest { get; set; }

    /// <summary>Optional <c>sha256:…</c> digest of the executor (argoexec) image.</summary>
    public string? ExecutorDigest { get; set; }

    /// <summary>
    /// Use the non-root variant of the executor image (<c>argoexec:&lt;version&gt;-nonroot</c>, uid 8737).
    /// Default: true (hardened).
    /// </summary>
    public bool NonRootExecutor { get; set; } = true;

    /// <summary>The workflow-controller image reference.</summary>
    public string ControllerImage => Reference("workflow-controller", Version, ControllerDigest);

    /// <summary>The argo-server image reference.</summary>
    public string ServerImage => Reference("argocli", Version, ServerDigest);

    /// <summary>The executor image reference injected into every workflow pod.</summary>
    public string ExecutorImage => Reference("argoexec", NonRootExecutor ? Version + Releases.ArgoRelease.NonRootExecutorSuffix : Version, ExecutorDigest);

    private string Reference(string image, string tag, string? digest) =>
        digest is null ? $"{Registry}/{image}:{tag}" : $"{Registry}/{image}:{tag}@{digest}";
}
