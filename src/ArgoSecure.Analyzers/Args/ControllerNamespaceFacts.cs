using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// What one operation tells ARGO0002 (<see cref="WorkflowsInControllerNamespaceAnalyzer"/>): where a controller
/// is, or a place where workflows might run in a controller's namespace (a candidate). Read the same way by the
/// live pass (one code block) and the compilation-end pass (every block), so that the live verdicts are a subset
/// of the compilation's.
/// </summary>
internal sealed class ControllerNamespaceFacts
{
    private readonly ArgoSymbols _symbols;
    private readonly IPropertySymbol? _controllerNamespace;
    private readonly IPropertySymbol? _name;
    private readonly IPropertySymbol? _ownControllerNamespace;
    private readonly IPropertySymbol? _scope;
    private readonly IPropertySymbol? _controller;

    // What each created type is to this rule, computed once per type definition (by symbol object, see SymbolMemo):
    // every object creation of the compilation asks, so one reference lookup replaces the assembly checks and four walks
    // up the base types. The roles are boxed once: a dictionary of reference types runs the framework's precompiled
    // code, one of an enum would be compiled at its first call.
    private static readonly object[] BoxedRoles = { Role.None, Role.Controller, Role.Install, Role.WorkflowNamespace, Role.Binding };
    private readonly ConcurrentDictionary<ITypeSymbol, object> _roles = new(SymbolReferenceComparer.Instance);
    private readonly System.Func<ITypeSymbol, object> _classify;
    private readonly IAssemblySymbol[] _assemblies;
    private readonly IAssemblySymbol[] _declaringAssemblies;

    private enum Role
    {
        None,
        Controller,
        Install,
        WorkflowNamespace,
        Binding,
    }

    public ControllerNamespaceFacts(ArgoSymbols symbols)
    {
        _symbols = symbols;
        _controllerNamespace = symbols.ControllerNamespace;
        _name = symbols.WorkflowNamespaceName;
        _ownControllerNamespace = symbols.WorkflowNamespaceControllerNamespace;
        _scope = symbols.WorkflowNamespaceScope;
        _controller = ArgoSymbols.Property(symbols.ArgoWorkflowsArgs, "Controller");
        _classify = Classify;
        var watched = new[] { symbols.ArgoControllerArgs, symbols.ArgoWorkflowsArgs, symbols.WorkflowNamespaceArgs, symbols.RoleBindingArgs };
        _assemblies = symbols.AssembliesOf(watched);
        _declaringAssemblies = ArgoSymbols.DeclaringAssembliesOf(watched);
    }

    /// <summary>
    /// What one operation is to this rule: a controller it creates or moves (<c>new ArgoControllerArgs { Namespace =
    /// "platform" }</c>, its namespace null when not knowable; one left at the default namespace, also a whole
    /// <c>ArgoWorkflowsArgs</c> without <c>Controller</c>; <c>controller.Namespace = "platform"</c>), or a candidate: a
    /// workflow namespace of a cluster install (a <c>WorkflowNamespaceArgs</c> initializer, or <c>local.Name = …</c> on one
    /// made in the same body), or a Pulumi RoleBinding that lets someone create workflows in a namespace. Most operations
    /// are neither, and are told apart by the assembly of the type or property first.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public void Read(IOperation operation, out ControllerFact? controller, out Candidate? candidate)
    {
        controller = null;
        candidate = null;
        if (operation is ISimpleAssignmentOperation assignment)
        {
            if (assignment.Parent is IObjectOrCollectionInitializerOperation || assignment.AssignedProperty() is not { } property ||
                !ArgoSymbols.IsOneOf(property.ContainingAssembly, _declaringAssemblies))
            {
                return;
            }

            if (property.Is(_controllerNamespace))
            {
                controller = assignment.Value.KnownString() is { } moved ? new ControllerFact(ControllerFactKind.Moved, moved) : null;
            }
            else if (property.Is(_name))
            {
                candidate = ReadNameAssignment(assignment);
            }

            return;
        }

        var (type, initializer) = Initialized(operation);
        switch (RoleOf(type))
        {
            case Role.Controller:
                var value = initializer.ValueOf(_controllerNamespace);
                controller = value is null
                    ? new ControllerFact(ControllerFactKind.Default, ManagedNamespaceIsControllerNamespaceRule.DefaultNamespace)
                    : new ControllerFact(ControllerFactKind.Created, value.KnownString());
                break;
            case Role.Install when initializer.ValueOf(_controller) is null:
                controller = new ControllerFact(ControllerFactKind.Default, ManagedNamespaceIsControllerNamespaceRule.DefaultNamespace);
                break;
            case Role.Binding:
                if (operation is IObjectCreationOperation binding &&
                    ControllerNamespaceWriteBindingRule.TryGetCandidate(binding, _symbols, out var bindingNamespace, out var bindingLocation))
                {
                    candidate = new Candidate(bindingNamespace, null, bindingLocation, "RoleRefArgs.Name", binding);
                }

                break;
            case Role.WorkflowNamespace when initializer is not null:
                candidate = ReadWorkflowNamespace(operation, initializer);
                break;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private Candidate? ReadWorkflowNamespace(IOperation operation, IObjectOrCollectionInitializerOperation initializer)
    {
        if (ManagedNamespaceIsControllerNamespaceRule.NamespacedArgument(initializer.ValueOf(_scope), _symbols) is not null)
        {
            return null; // A namespace install is ARGO0001's business.
        }

        var nameValue = initializer.ValueOf(_name);
        if (nameValue.KnownString() is not { Length: > 0 } name)
        {
            return null;
        }

        var values = new List<IOperation>();
        if (initializer.ValueOf(_ownControllerNamespace) is { } own)
        {
            values.Add(own);
        }

        // var n = new WorkflowNamespaceArgs { Name = "argo" }; n.ControllerNamespace = "platform";
        if (operation.InitializedLocal() is { } local)
        {
            OperationExtensions.LocalWrites(operation, local, out var writes);
            foreach (var (property, value, _) in writes)
            {
                if (property.Is(_scope))
                {
                    return null; // Which install it belongs to changes in this body.
                }

                if (property.Is(_ownControllerNamespace))
                {
                    values.Add(value);
                }
            }
        }

        return OwnControllerNamespace(values, out var controllerNamespace)
            ? new Candidate(name, controllerNamespace, (nameValue!.Parent ?? nameValue).Syntax.GetLocation(), "WorkflowNamespaceArgs.Name", nameValue)
            : null;
    }

    // namespaceArgs.Name = "argo" (outside an initializer) on a local made in this body with no Scope set.
    private Candidate? ReadNameAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Value.KnownString() is not { Length: > 0 } name ||
            assignment.Target is not IPropertyReferenceOperation { Instance: ILocalReferenceOperation local })
        {
            return null;
        }

        var creation = OperationExtensions.LocalWrites(assignment, local.Local, out var writes);
        if (creation is null || creation.Initializer.ValueOf(_scope) is not null)
        {
            return null;
        }

        var values = new List<IOperation>();
        if (creation.Initializer.ValueOf(_ownControllerNamespace) is { } own)
        {
            values.Add(own);
        }

        foreach (var (property, value, _) in writes)
        {
            if (property.Is(_scope))
            {
                return null;
            }

            if (property.Is(_ownControllerNamespace))
            {
                values.Add(value);
            }
        }

        return OwnControllerNamespace(values, out var controllerNamespace)
            ? new Candidate(name, controllerNamespace, assignment.Syntax.GetLocation(), "WorkflowNamespaceArgs.Name", assignment)
            : null;
    }

    // Every value given to the namespace's own ControllerNamespace: none (null, the controller is found elsewhere), all
    // the same known string (that one), or anything else (false: not knowable without following the flow).
    private static bool OwnControllerNamespace(List<IOperation> values, out string? controllerNamespace)
    {
        controllerNamespace = null;
        foreach (var value in values)
        {
            var known = value.KnownString();
            if (known is null || (controllerNamespace is not null && !string.Equals(known, controllerNamespace, System.StringComparison.Ordinal)))
            {
                return false;
            }

            controllerNamespace = known;
        }

        return true;
    }

    // By the definition: an operation's type is a new symbol object per nullable annotation, its definition is one.
    [MethodImpl(HotPath.Optimized)]
    private Role RoleOf(ITypeSymbol? type) => type is null ? Role.None : (Role)_roles.GetOrAdd(type.OriginalDefinition, _classify);

    private object Classify(ITypeSymbol type) => BoxedRoles[(int)ClassifyType(type)];

    private Role ClassifyType(ITypeSymbol type)
    {
        // Most created types are of no assembly that holds a watched type or a type that may derive from one (the source).
        if (type.TypeKind != TypeKind.Class || type.ContainingAssembly is not { } assembly || !ArgoSymbols.IsOneOf(assembly, _assemblies))
        {
            return Role.None;
        }

        // A class right under object outside the watched types' assemblies (most of a program's own classes) is none of them.
        if (type.BaseType is { SpecialType: SpecialType.System_Object } && !ArgoSymbols.IsOneOf(assembly, _declaringAssemblies))
        {
            return Role.None;
        }

        return type.IsOrDerives(_symbols.ArgoControllerArgs) ? Role.Controller :
            type.IsOrDerives(_symbols.ArgoWorkflowsArgs) ? Role.Install :
            type.IsOrDerives(_symbols.WorkflowNamespaceArgs) ? Role.WorkflowNamespace :
            type.IsOrDerives(_symbols.RoleBindingArgs) ? Role.Binding :
            Role.None;
    }

    [MethodImpl(HotPath.Optimized)]
    private static (ITypeSymbol? Type, IObjectOrCollectionInitializerOperation? Initializer) Initialized(IOperation operation) => operation switch
    {
        IObjectCreationOperation creation => (creation.Type, creation.Initializer),
        IMemberInitializerOperation member => (member.InitializedMember.Type, member.Initializer),
        _ => (null, null),
    };
}

/// <summary>How an operation places a controller.</summary>
internal enum ControllerFactKind
{
    /// <summary>A controller created with its namespace set (null when not a known string).</summary>
    Created,

    /// <summary>A controller created in the default namespace.</summary>
    Default,

    /// <summary><c>controller.Namespace = …</c> outside an initializer.</summary>
    Moved,
}

/// <summary>A controller and its namespace (null when not knowable).</summary>
internal readonly struct ControllerFact
{
    public ControllerFact(ControllerFactKind kind, string? ns)
    {
        Kind = kind;
        Namespace = ns;
    }

    public ControllerFactKind Kind { get; }

    public string? Namespace { get; }
}

/// <summary>A namespace where workflows may run, with its own controller's namespace when it names one.</summary>
internal sealed class Candidate
{
    public Candidate(string ns, string? ownControllerNamespace, Location location, string property, IOperation node)
    {
        Node = node;
        Namespace = ns;
        OwnControllerNamespace = ownControllerNamespace;
        Location = location;
        Property = property;
    }

    /// <summary>The workflow namespace, or the namespace of the binding.</summary>
    public string Namespace { get; }

    /// <summary>The controller's namespace the workflow namespace names itself, which decides alone; null when it names none.</summary>
    public string? OwnControllerNamespace { get; }

    public Location Location { get; }

    /// <summary>The operation it was read from (where an accepted risk is looked up).</summary>
    public IOperation Node { get; }

    /// <summary>The message argument.</summary>
    public string Property { get; }
}
