namespace ArgoSecure.Audit;

/// <summary>Finds pod specs and containers in workloads.</summary>
internal static class PodTemplates
{
    /// <summary>The pod spec of a workload or pod, or null.</summary>
    public static YNode? PodSpecOf(KubeObject o) => o.Kind switch
    {
        "Pod" => o.Spec,
        "CronJob" => o.Root.At("spec", "jobTemplate", "spec", "template", "spec"),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => o.Root.At("spec", "template", "spec"),
        _ => null,
    };

    /// <summary>The pod labels of a workload or pod.</summary>
    public static IReadOnlyDictionary<string, string> PodLabelsOf(KubeObject o) => o.Kind switch
    {
        "Pod" => o.Labels,
        "CronJob" => KubeObject.LabelsOf(o.Root.At("spec", "jobTemplate", "spec", "template", "metadata", "labels")),
        _ => KubeObject.LabelsOf(o.Root.At("spec", "template", "metadata", "labels")),
    };

    /// <summary>Every container and init container of a workload.</summary>
    public static IEnumerable<YNode> ContainersOf(KubeObject o) =>
        PodSpecOf(o) is { } spec ? spec.Items("containers").Concat(spec.Items("initContainers")) : [];
}

/// <summary>An image reference split into repository, tag and digest.</summary>
internal sealed class ImageReference
{
    private ImageReference(string repository, string? tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    public static ImageReference Parse(string reference)
    {
        string? digest = null;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = reference[(at + 1)..];
            reference = reference[..at];
        }

        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? new ImageReference(reference[..colon], reference[(colon + 1)..], digest) : new ImageReference(reference, null, digest);
    }

    /// <summary>The Argo image name (workflow-controller, argocli, argoexec) or null for other images.</summary>
    public string? ArgoImage
    {
        get
        {
            var name = Repository[(Repository.LastIndexOf('/') + 1)..];
            return name is "workflow-controller" or "argocli" or "argoexec" && Repository.Contains("argoproj", StringComparison.Ordinal) ? name : null;
        }
    }
}
