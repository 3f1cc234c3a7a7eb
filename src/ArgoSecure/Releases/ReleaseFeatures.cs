namespace ArgoSecure.Releases;

/// <summary>
/// The settings that differ between the supported lines, with the upstream source of each fact (read at 3.7.18,
/// 4.0.10 and 4.1.2). Everything not listed here is the same in every supported line.
/// </summary>
public static class ReleaseFeatures
{
    /// <summary>The controller flag that turns on workflow-level executor plugins (env <c>ARGO_WORKFLOW_LEVEL_EXECUTOR_PLUGINS</c>).</summary>
    public static ReleaseFeature WorkflowLevelExecutorPluginsFlag { get; } =
        new(ReleaseFeatureKind.ControllerFlag, "workflow-level-executor-plugins", "cmd/workflow-controller/main.go", "v4.1.0");

    /// <summary>The controller's environment override of the submitter allow-list (<c>WORKFLOW_USER_OVERRIDE_ALLOWLIST</c>).</summary>
    public static ReleaseFeature UserOverrideAllowlistEnv { get; } =
        new(ReleaseFeatureKind.Environment, "WORKFLOW_USER_OVERRIDE_ALLOWLIST", "workflow/util/merge.go", "v3.7.17", "v4.0.8");

    /// <summary>The ConfigMap keys every supported line knows at the top level (config/config.go <c>Config</c>).</summary>
    public static IReadOnlySet<string> CommonConfigKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "nodeEvents", "workflowEvents", "executor", "mainContainer", "kubeConfig", "artifactRepository", "namespace", "instanceID",
        "metricsConfig", "telemetryConfig", "parallelism", "namespaceParallelism", "resourceRateLimit", "persistence", "links",
        "columns", "workflowDefaults", "podSpecLogStrategy", "podGCGracePeriodSeconds", "podGCDeleteDelayDuration",
        "workflowRestrictions", "initialDelay", "images", "retentionPolicy", "navColor", "sso", "synchronization",
    };

    /// <summary>Every feature that not all supported lines have.</summary>
    public static IReadOnlyList<ReleaseFeature> All { get; } =
    [
        WorkflowLevelExecutorPluginsFlag,
        UserOverrideAllowlistEnv,
        new(ReleaseFeatureKind.Environment, "ARGO_WORKFLOW_LEVEL_EXECUTOR_PLUGINS", "cmd/workflow-controller/main.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "artifactDrivers", "config/config.go", "v4.0.0"),
        new(ReleaseFeatureKind.ConfigKey, "failedPodRestart", "config/config.go", "v4.0.0"),
        new(ReleaseFeatureKind.ConfigKey, "disableAgentPodCreation", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "initlessPod", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "sso.rootCA", "config/sso.go", "v4.0.0"),
        new(ReleaseFeatureKind.ConfigKey, "persistence.reconnectionConfig", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "persistence.connectionTimeoutSeconds", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "persistence.postgresql.azureToken", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "persistence.postgresql.awsRDSToken", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "synchronization.enableAPI", "config/config.go", "v4.0.0"),
        new(ReleaseFeatureKind.ConfigKey, "synchronization.connectionTimeoutSeconds", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "synchronization.postgresql.azureToken", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "synchronization.postgresql.awsRDSToken", "config/config.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "workflowDefaults.spec.executorPlugins", "pkg/apis/workflow/v1alpha1/workflow_types.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "workflowDefaults.spec.podResources", "pkg/apis/workflow/v1alpha1/workflow_types.go", "v4.1.0"),
        new(ReleaseFeatureKind.ConfigKey, "workflowDefaults.spec.resourceClaims", "pkg/apis/workflow/v1alpha1/workflow_types.go", "v4.1.0"),
    ];

    private static readonly Dictionary<string, ReleaseFeature> ConfigKeys =
        All.Where(f => f.Kind == ReleaseFeatureKind.ConfigKey).ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The feature of a ConfigMap key path, or null when every supported line has it (or none does).</summary>
    public static ReleaseFeature? ConfigKey(string path) => ConfigKeys.GetValueOrDefault(path);
}
