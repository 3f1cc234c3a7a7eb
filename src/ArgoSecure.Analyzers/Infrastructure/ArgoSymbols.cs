using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// The ArgoSecure and Pulumi.Kubernetes symbols the analyzers look for, resolved once per compilation.
/// <see cref="TryCreate"/> returns null when the compilation references neither library, so analyzers
/// register nothing there.
/// </summary>
internal sealed class ArgoSymbols
{
    private ArgoSymbols(Compilation compilation)
    {
        ArgoWorkflowsArgs = compilation.GetTypeByMetadataName("ArgoSecure.ArgoWorkflowsArgs");
        ArgoControllerArgs = compilation.GetTypeByMetadataName("ArgoSecure.ArgoControllerArgs");
        ArgoServerArgs = compilation.GetTypeByMetadataName("ArgoSecure.ArgoServerArgs");
        SsoArgs = compilation.GetTypeByMetadataName("ArgoSecure.SsoArgs");
        ServerTlsArgs = compilation.GetTypeByMetadataName("ArgoSecure.ServerTlsArgs");
        WorkflowPodDefaults = compilation.GetTypeByMetadataName("ArgoSecure.WorkflowPodDefaults");
        MetricsArgs = compilation.GetTypeByMetadataName("ArgoSecure.MetricsArgs");
        PersistenceArgs = compilation.GetTypeByMetadataName("ArgoSecure.PersistenceArgs");
        SecretKeyReference = compilation.GetTypeByMetadataName("ArgoSecure.SecretKeyReference");
        WorkflowNamespaceArgs = compilation.GetTypeByMetadataName("ArgoSecure.WorkflowNamespaceArgs");
        ArgoImages = compilation.GetTypeByMetadataName("ArgoSecure.ArgoImages");
        InstallScope = compilation.GetTypeByMetadataName("ArgoSecure.InstallScope");
        AuthMode = compilation.GetTypeByMetadataName("ArgoSecure.AuthMode");
        ServerAccessLevel = compilation.GetTypeByMetadataName("ArgoSecure.ServerAccessLevel");
        TemplateReferencing = compilation.GetTypeByMetadataName("ArgoSecure.TemplateReferencing");
        DatabaseTlsMode = compilation.GetTypeByMetadataName("ArgoSecure.DatabaseTlsMode");

        HelmV3ReleaseArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs");
        HelmV4ChartArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs");
        YamlV2ConfigFileArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigFileArgs");
        YamlV2ConfigGroupArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs");
        YamlConfigFileArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Yaml.ConfigFileArgs");
        YamlConfigGroupArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Yaml.ConfigGroupArgs");
        RoleBindingArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleBindingArgs");
        ClusterRoleBindingArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.ClusterRoleBindingArgs");
        RoleRefArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleRefArgs");
        SubjectArgs = compilation.GetTypeByMetadataName("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.SubjectArgs");
    }

    public INamedTypeSymbol? ArgoWorkflowsArgs { get; }
    public INamedTypeSymbol? ArgoControllerArgs { get; }
    public INamedTypeSymbol? ArgoServerArgs { get; }
    public INamedTypeSymbol? SsoArgs { get; }
    public INamedTypeSymbol? ServerTlsArgs { get; }
    public INamedTypeSymbol? WorkflowPodDefaults { get; }
    public INamedTypeSymbol? MetricsArgs { get; }
    public INamedTypeSymbol? PersistenceArgs { get; }
    public INamedTypeSymbol? SecretKeyReference { get; }
    public INamedTypeSymbol? WorkflowNamespaceArgs { get; }
    public INamedTypeSymbol? ArgoImages { get; }
    public INamedTypeSymbol? InstallScope { get; }
    public INamedTypeSymbol? AuthMode { get; }
    public INamedTypeSymbol? ServerAccessLevel { get; }
    public INamedTypeSymbol? TemplateReferencing { get; }
    public INamedTypeSymbol? DatabaseTlsMode { get; }

    public INamedTypeSymbol? HelmV3ReleaseArgs { get; }
    public INamedTypeSymbol? HelmV4ChartArgs { get; }
    public INamedTypeSymbol? YamlV2ConfigFileArgs { get; }
    public INamedTypeSymbol? YamlV2ConfigGroupArgs { get; }
    public INamedTypeSymbol? YamlConfigFileArgs { get; }
    public INamedTypeSymbol? YamlConfigGroupArgs { get; }
    public INamedTypeSymbol? RoleBindingArgs { get; }
    public INamedTypeSymbol? ClusterRoleBindingArgs { get; }
    public INamedTypeSymbol? RoleRefArgs { get; }
    public INamedTypeSymbol? SubjectArgs { get; }

    /// <summary>True when ArgoSecure's Args are in the compilation.</summary>
    public bool HasArgoSecure => ArgoControllerArgs is not null || ArgoServerArgs is not null || WorkflowNamespaceArgs is not null || ArgoWorkflowsArgs is not null;

    /// <summary>True when Pulumi.Kubernetes types the analyzers read are in the compilation.</summary>
    public bool HasPulumiKubernetes => HelmV3ReleaseArgs is not null || HelmV4ChartArgs is not null || YamlV2ConfigFileArgs is not null ||
        YamlV2ConfigGroupArgs is not null || YamlConfigFileArgs is not null || YamlConfigGroupArgs is not null ||
        RoleBindingArgs is not null || ClusterRoleBindingArgs is not null;

    /// <summary>The symbols of this compilation, or null when it references neither ArgoSecure nor Pulumi.Kubernetes.</summary>
    public static ArgoSymbols? TryCreate(Compilation compilation)
    {
        // Cheap gate first: no referenced assembly or source type can hold the types we look for.
        var symbols = new ArgoSymbols(compilation);
        return symbols.HasArgoSecure || symbols.HasPulumiKubernetes ? symbols : null;
    }

    /// <summary>The property <paramref name="name"/> declared on <paramref name="type"/>, or null.</summary>
    public static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }
}
