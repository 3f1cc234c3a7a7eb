namespace ArgoSecure.Enforcement;

/// <summary>
/// The Argo features an install turns on for the workflows a policy guards, so the policy refuses, at submission,
/// what would otherwise fail at run time. A null list or flag means the policy cannot know (ClusterWorkflowTemplates
/// run in namespaces whose switches differ) and does not judge it.
/// </summary>
internal sealed class WorkflowFeatures
{
    /// <summary>Every feature off, as an install without switches has them.</summary>
    public static WorkflowFeatures None { get; } = new([], registryLookups: false, [], httpTemplates: false, [], []);

    public WorkflowFeatures(
        IReadOnlyList<string> imageIndex,
        bool registryLookups,
        IReadOnlyList<string>? imagePullSecrets,
        bool? httpTemplates,
        IReadOnlyList<string> headerSecrets,
        IReadOnlyList<string> memoizationCaches)
    {
        ImageIndex = imageIndex;
        RegistryLookups = registryLookups;
        ImagePullSecrets = imagePullSecrets;
        HttpTemplates = httpTemplates;
        HeaderSecrets = headerSecrets;
        MemoizationCaches = memoizationCaches;
    }

    /// <summary>The images of the controller's image index (exact text).</summary>
    public IReadOnlyList<string> ImageIndex { get; }

    /// <summary>The controller may read image configs from registries (F13).</summary>
    public bool RegistryLookups { get; }

    /// <summary>The image-pull Secrets the controller may read for a lookup; null: not judged.</summary>
    public IReadOnlyList<string>? ImagePullSecrets { get; }

    /// <summary>HTTP templates are on (agent grants and egress); null: not judged.</summary>
    public bool? HttpTemplates { get; }

    /// <summary>The Secrets HTTP headers may read.</summary>
    public IReadOnlyList<string> HeaderSecrets { get; }

    /// <summary>The memoization caches workflows here may use; empty: memoization off.</summary>
    public IReadOnlyList<string> MemoizationCaches { get; }

    /// <summary>The features of a workflow namespace.</summary>
    public static WorkflowFeatures Of(WorkflowNamespaceArgs args)
    {
        var entrypoints = args.ImageEntrypoints ?? new ImageEntrypointArgs();
        return new WorkflowFeatures(
            Images(entrypoints),
            entrypoints.RegistryLookups,
            args.ImagePullSecrets ?? [],
            args.HttpTemplates is not null,
            args.HttpTemplates?.HeaderSecrets ?? [],
            args.MemoizationCaches ?? []);
    }

    /// <summary>
    /// What the controller offers every ClusterWorkflowTemplate: its image index, registry lookups and caches; the
    /// per-namespace switches (pull Secrets, HTTP templates) are not judged.
    /// </summary>
    public static WorkflowFeatures OfController(ArgoControllerArgs args)
    {
        var entrypoints = args.ImageEntrypoints ?? new ImageEntrypointArgs();
        return new WorkflowFeatures(Images(entrypoints), entrypoints.RegistryLookups, null, null, [], args.MemoizationCaches ?? []);
    }

    private static List<string> Images(ImageEntrypointArgs entrypoints) =>
        (entrypoints.Index ?? []).Where(e => e is not null).Select(e => e.Image).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
