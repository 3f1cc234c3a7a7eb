using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// The ArgoSecure and Pulumi.Kubernetes symbols the analyzers look for, resolved once per compilation.
/// <see cref="For"/> returns null when the compilation references neither library, so analyzers
/// register nothing there.
/// </summary>
internal sealed class ArgoSymbols
{
    private ArgoSymbols(Compilation compilation)
    {
        _source = compilation.Assembly;
        var assemblies = Candidates(compilation);
        INamedTypeSymbol? Type(string metadataName)
        {
            foreach (var assembly in assemblies)
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    return type;
                }
            }

            return null;
        }

        ArgoWorkflowsArgs = Type("ArgoSecure.ArgoWorkflowsArgs");
        ArgoControllerArgs = Type("ArgoSecure.ArgoControllerArgs");
        ArgoServerArgs = Type("ArgoSecure.ArgoServerArgs");
        SsoArgs = Type("ArgoSecure.SsoArgs");
        ServerTlsArgs = Type("ArgoSecure.ServerTlsArgs");
        WorkflowPodDefaults = Type("ArgoSecure.WorkflowPodDefaults");
        MetricsArgs = Type("ArgoSecure.MetricsArgs");
        PersistenceArgs = Type("ArgoSecure.PersistenceArgs");
        SecretKeyReference = Type("ArgoSecure.SecretKeyReference");
        WorkflowNamespaceArgs = Type("ArgoSecure.WorkflowNamespaceArgs");
        ArgoImages = Type("ArgoSecure.ArgoImages");
        InstallScope = Type("ArgoSecure.InstallScope");
        AuthMode = Type("ArgoSecure.AuthMode");
        ServerAccessLevel = Type("ArgoSecure.ServerAccessLevel");
        TemplateReferencing = Type("ArgoSecure.TemplateReferencing");
        DatabaseTlsMode = Type("ArgoSecure.DatabaseTlsMode");
        AcceptedRisk = Type("ArgoSecure.AcceptedRisk");

        HelmV3ReleaseArgs = Type("Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs");
        HelmV4ChartArgs = Type("Pulumi.Kubernetes.Types.Inputs.Helm.V4.ChartArgs");
        HelmV3ChartArgs = Type("Pulumi.Kubernetes.Helm.ChartArgs");
        HelmV3LocalChartArgs = Type("Pulumi.Kubernetes.Helm.LocalChartArgs");
        YamlV2ConfigFileArgs = Type("Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigFileArgs");
        YamlV2ConfigGroupArgs = Type("Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs");
        YamlConfigFileArgs = Type("Pulumi.Kubernetes.Yaml.ConfigFileArgs");
        YamlConfigGroupArgs = Type("Pulumi.Kubernetes.Yaml.ConfigGroupArgs");
        RoleBindingArgs = Type("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleBindingArgs");
        ClusterRoleBindingArgs = Type("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.ClusterRoleBindingArgs");
        RoleRefArgs = Type("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.RoleRefArgs");
        SubjectArgs = Type("Pulumi.Kubernetes.Types.Inputs.Rbac.V1.SubjectArgs");

        // The properties the initializer rules read on every Args object: looked up once here, not per object (a
        // lookup by name makes a new array of members each time).
        ControllerScope = Property(ArgoControllerArgs, "Scope");
        ControllerNamespace = Property(ArgoControllerArgs, "Namespace");
        ServerScope = Property(ArgoServerArgs, "Scope");
        ServerNamespace = Property(ArgoServerArgs, "Namespace");
        ServerAccessLevelProperty = Property(ArgoServerArgs, "AccessLevel");
        ServerAuthModes = Property(ArgoServerArgs, "AuthModes");
        ServerSso = Property(ArgoServerArgs, "Sso");
        SsoRbacEnabled = Property(SsoArgs, "RbacEnabled");
        WorkflowNamespaceScope = Property(WorkflowNamespaceArgs, "Scope");
        WorkflowNamespaceName = Property(WorkflowNamespaceArgs, "Name");
        WorkflowNamespaceControllerNamespace = Property(WorkflowNamespaceArgs, "ControllerNamespace");
    }

    private readonly IAssemblySymbol _source;

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
    public INamedTypeSymbol? AcceptedRisk { get; }

    public IPropertySymbol? ControllerScope { get; }
    public IPropertySymbol? ControllerNamespace { get; }
    public IPropertySymbol? ServerScope { get; }
    public IPropertySymbol? ServerNamespace { get; }
    public IPropertySymbol? ServerAccessLevelProperty { get; }
    public IPropertySymbol? ServerAuthModes { get; }
    public IPropertySymbol? ServerSso { get; }
    public IPropertySymbol? SsoRbacEnabled { get; }
    public IPropertySymbol? WorkflowNamespaceScope { get; }
    public IPropertySymbol? WorkflowNamespaceName { get; }
    public IPropertySymbol? WorkflowNamespaceControllerNamespace { get; }

    public INamedTypeSymbol? HelmV3ReleaseArgs { get; }
    public INamedTypeSymbol? HelmV4ChartArgs { get; }

    /// <summary>Helm v3 <c>Chart</c>'s args (hand-written, in the resource namespace: reference/pulumi-api.md).</summary>
    public INamedTypeSymbol? HelmV3ChartArgs { get; }
    public INamedTypeSymbol? HelmV3LocalChartArgs { get; }
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
    public bool HasPulumiKubernetes => HelmV3ReleaseArgs is not null || HelmV4ChartArgs is not null || HelmV3ChartArgs is not null || HelmV3LocalChartArgs is not null || YamlV2ConfigFileArgs is not null ||
        YamlV2ConfigGroupArgs is not null || YamlConfigFileArgs is not null || YamlConfigGroupArgs is not null ||
        RoleBindingArgs is not null || ClusterRoleBindingArgs is not null;

    /// <summary>
    /// Whether the compilation may hold ArgoSecure's (<paramref name="argoSecure"/>) or Pulumi's (<paramref name="pulumi"/>)
    /// types: a referenced assembly of that name, else a namespace of that name in the source (look-alike types in tests).
    /// Decided without binding anything (the external references only: <see cref="Compilation.References"/> binds the
    /// <c>#r</c> directives), so that a compilation start action can call it: looking the types up there
    /// waits for (or does) the compiler's own reference binding, which ReportAnalyzer then charges to the analyzer. The
    /// analyzers look the types up (<see cref="For"/>) at their first callback, when the compiler has done that work.
    /// </summary>
    public static bool MayReference(Compilation compilation, bool argoSecure, bool pulumi)
    {
        foreach (var reference in compilation.ExternalReferences)
        {
            var name = reference switch
            {
                CompilationReference project => project.Compilation.AssemblyName,
                PortableExecutableReference { FilePath: { } path } => System.IO.Path.GetFileNameWithoutExtension(path),
                _ => null,
            };
            if ((argoSecure && name == "ArgoSecure") || (pulumi && name is not null && name.StartsWith("Pulumi", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return (argoSecure && compilation.ContainsSymbolsWithName("ArgoSecure", SymbolFilter.Namespace)) ||
            (pulumi && compilation.ContainsSymbolsWithName("Pulumi", SymbolFilter.Namespace));
    }

    /// <summary>
    /// The assemblies where these types, or types that derive from them, can be: theirs and the compilation's own
    /// (a program may derive from a Pulumi args class).
    /// </summary>
    public IAssemblySymbol[] AssembliesOf(params INamedTypeSymbol?[] types)
    {
        var assemblies = new List<IAssemblySymbol> { _source };
        foreach (var assembly in DeclaringAssembliesOf(types))
        {
            if (!ReferenceEquals(assembly, _source))
            {
                assemblies.Add(assembly);
            }
        }

        return assemblies.ToArray();
    }

    /// <summary>The assemblies that declare these types or members (not the source, unless one is declared there).</summary>
    public static IAssemblySymbol[] DeclaringAssembliesOf(IEnumerable<ISymbol?> symbols)
    {
        var assemblies = new List<IAssemblySymbol>();
        foreach (var symbol in symbols)
        {
            if (symbol?.ContainingAssembly is { } assembly && !assemblies.Contains(assembly))
            {
                assemblies.Add(assembly);
            }
        }

        return assemblies.ToArray();
    }

    /// <summary>Whether <paramref name="assembly"/> is one of <paramref name="assemblies"/> (a reference comparison: no hashing).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsOneOf(IAssemblySymbol? assembly, IAssemblySymbol[] assemblies)
    {
        foreach (var candidate in assemblies)
        {
            if (ReferenceEquals(candidate, assembly))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The symbols of this compilation, or null when it references neither ArgoSecure nor Pulumi.Kubernetes. Looked up
    /// once per compilation for all the analyzers: they ask at their first callbacks, at the same time.
    /// </summary>
    public static ArgoSymbols? For(Compilation compilation) => ByCompilation.GetValue(compilation, static c => new Lazy<ArgoSymbols?>(() => Create(c))).Value;

    // The table may make two Lazy for one compilation when two threads ask first; only one is kept, and run.
    private static readonly ConditionalWeakTable<Compilation, Lazy<ArgoSymbols?>> ByCompilation = new();

    private static ArgoSymbols? Create(Compilation compilation)
    {
        var symbols = new ArgoSymbols(compilation);
        return symbols.HasArgoSecure || symbols.HasPulumiKubernetes ? symbols : null;
    }

    /// <summary>
    /// Where the types can be: the project's own source (look-alike types in tests) and the ArgoSecure and Pulumi
    /// assemblies it references. An editor makes a new compilation per keystroke, and looking a name up in every
    /// reference (<see cref="Compilation.GetTypeByMetadataName"/>, a few hundred framework assemblies) costs
    /// milliseconds there; these few assemblies cost microseconds.
    /// </summary>
    private static List<IAssemblySymbol> Candidates(Compilation compilation)
    {
        var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == "ArgoSecure" || assembly.Name.StartsWith("Pulumi", System.StringComparison.Ordinal))
            {
                assemblies.Add(assembly);
            }
        }

        return assemblies;
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
