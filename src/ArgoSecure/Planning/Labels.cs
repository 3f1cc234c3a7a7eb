namespace ArgoSecure.Planning;

/// <summary>The labels ArgoSecure puts on what it renders, and the ones Argo puts on workflow pods.</summary>
public static class Labels
{
    /// <summary>The label Argo sets on every workflow pod (select it with Exists, never by value).</summary>
    public const string WorkflowPodLabel = "workflows.argoproj.io/workflow";

    /// <summary>The label Argo sets on its agent and artifact-GC pods (section 4.1); agent pods have <see cref="AgentComponent"/>.</summary>
    public const string ComponentLabel = "workflows.argoproj.io/component";

    /// <summary>The <see cref="ComponentLabel"/> value of agent pods (HTTP and plugin templates).</summary>
    public const string AgentComponent = "agent";

    /// <summary>The namespace name label Kubernetes sets on every namespace.</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    /// <summary>The controller's name, used for its Deployment, service account and pod labels.</summary>
    public const string ControllerName = "workflow-controller";

    /// <summary>The server's name, used for its Deployment, Service, service account and pod labels.</summary>
    public const string ServerName = "argo-server";

    /// <summary>The controller ConfigMap's name.</summary>
    public const string ControllerConfigMapName = "workflow-controller-configmap";

    /// <summary>The server ConfigMap's name (SSO and database settings the server reads).</summary>
    public const string ServerConfigMapName = "argo-server-configmap";

    /// <summary>The metrics Service's name.</summary>
    public const string MetricsServiceName = "workflow-controller-metrics";

    /// <summary>The argo-server port.</summary>
    public const int ServerPort = 2746;

    /// <summary>The controller's health port (liveness probe, plain HTTP).</summary>
    public const int ControllerHealthPort = 6060;

    /// <summary>The labels of every object ArgoSecure renders.</summary>
    public static Dictionary<string, string> Common(string component) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/component"] = component,
        ["app.kubernetes.io/managed-by"] = "argosecure",
        ["app.kubernetes.io/part-of"] = "argo-workflows",
    };

    /// <summary>The labels that select a component's pods.</summary>
    public static Dictionary<string, string> PodSelector(string name) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/part-of"] = "argo-workflows",
    };

    /// <summary>The labels of a component's pods: its selector and the common labels.</summary>
    public static Dictionary<string, string> Pod(string name)
    {
        var labels = Common(name);
        foreach (var (key, value) in PodSelector(name))
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>Pod Security Admission labels for the <c>restricted</c> standard (enforce, audit, warn).</summary>
    public static Dictionary<string, string> RestrictedNamespace(string name, string component)
    {
        var labels = Common(component);
        labels[NamespaceNameLabel] = name;
        foreach (var mode in new[] { "enforce", "audit", "warn" })
        {
            labels[$"pod-security.kubernetes.io/{mode}"] = "restricted";
            labels[$"pod-security.kubernetes.io/{mode}-version"] = "latest";
        }

        return labels;
    }
}
