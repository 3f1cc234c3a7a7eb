using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0002: a <c>WorkflowNamespaceArgs</c> of a cluster install whose <c>Name</c> is the controller's namespace:
/// its own <c>ControllerNamespace</c> when set, otherwise the namespace any <c>ArgoControllerArgs</c> of the same
/// compilation sets, or the default <c>argo</c> where the compilation leaves a controller's namespace at its default
/// (or has no controller at all, as in a team's stack). Also a Pulumi.Kubernetes RoleBinding there that lets someone
/// create workflows (<see cref="ControllerNamespaceWriteBindingRule"/>). Facts are collected over the whole
/// compilation and reported at its end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkflowsInControllerNamespaceAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        RuleCatalog.WorkflowsInControllerNamespace,
        ArgoDescriptors.Title(RuleCatalog.WorkflowsInControllerNamespace),
        ArgoDescriptors.Message(RuleCatalog.WorkflowsInControllerNamespace),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.WorkflowsInControllerNamespace),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.WorkflowsInControllerNamespace + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = ArgoSymbols.TryCreate(start.Compilation);
            if (symbols is null || (symbols.WorkflowNamespaceArgs is null && (symbols.RoleBindingArgs is null || symbols.RoleRefArgs is null)))
            {
                return;
            }

            var facts = new Facts(symbols);
            start.RegisterOperationAction(facts.Collect, OperationKind.ObjectCreation, OperationKind.MemberInitializer, OperationKind.SimpleAssignment);
            start.RegisterCompilationEndAction(facts.Report);
        });
    }

    private sealed class Facts
    {
        private readonly ArgoSymbols _symbols;
        private readonly IPropertySymbol? _controllerNamespace;
        private readonly IPropertySymbol? _name;
        private readonly IPropertySymbol? _ownControllerNamespace;
        private readonly IPropertySymbol? _scope;
        private readonly IPropertySymbol? _controller;
        private int _controllerCreations;
        private int _controllersOnTheDefaultNamespace;
        private int _namespaceAssignments;
        private readonly ConcurrentDictionary<string, bool> _controllerNamespaces = new(System.StringComparer.Ordinal);
        private readonly ConcurrentBag<(string Name, string? ControllerNamespace, Location Location)> _candidates = new();
        private readonly ConcurrentBag<(string Namespace, Location Location)> _bindings = new();

        public Facts(ArgoSymbols symbols)
        {
            _symbols = symbols;
            _controllerNamespace = ArgoSymbols.Property(symbols.ArgoControllerArgs, "Namespace");
            _name = ArgoSymbols.Property(symbols.WorkflowNamespaceArgs, "Name");
            _ownControllerNamespace = ArgoSymbols.Property(symbols.WorkflowNamespaceArgs, "ControllerNamespace");
            _scope = ArgoSymbols.Property(symbols.WorkflowNamespaceArgs, "Scope");
            _controller = ArgoSymbols.Property(symbols.ArgoWorkflowsArgs, "Controller");
        }

        public void Collect(OperationAnalysisContext context)
        {
            if (context.Operation is ISimpleAssignmentOperation assignment)
            {
                if (assignment.Parent is IObjectOrCollectionInitializerOperation)
                {
                    return; // Initializers are read below.
                }

                var assigned = assignment.AssignedProperty();
                if (assigned.Is(_controllerNamespace) && assignment.Value.ConstantString() is { } ns)
                {
                    // controller.Namespace = "platform"
                    _controllerNamespaces.TryAdd(ns, true);
                    System.Threading.Interlocked.Increment(ref _namespaceAssignments);
                }
                else if (assigned.Is(_name) && assignment.Value.ConstantString() is { Length: > 0 } name &&
                         assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation local })
                {
                    // namespaceArgs.Name = "argo" on a local made in this body whose ControllerNamespace and Scope are
                    // the defaults (not set in its initializer nor assigned in this body).
                    var creation = OperationExtensions.CreationOfLocal(assignment, local.Local, new[] { _ownControllerNamespace, _scope }, assignment, out var changed);
                    if (creation is not null && !changed && creation.Initializer.ValueOf(_ownControllerNamespace) is null &&
                        creation.Initializer.ValueOf(_scope) is null)
                    {
                        _candidates.Add((name, null, assignment.Syntax.GetLocation()));
                    }
                }

                return;
            }

            if (context.Operation is IObjectCreationOperation binding &&
                ControllerNamespaceWriteBindingRule.TryGetCandidate(binding, _symbols, out var bindingNamespace, out var bindingLocation))
            {
                _bindings.Add((bindingNamespace, bindingLocation));
                return;
            }

            var (type, initializer) = context.Operation switch
            {
                IObjectCreationOperation creation => (creation.Type, creation.Initializer),
                IMemberInitializerOperation member => (member.InitializedMember.Type, member.Initializer),
                _ => (null, null),
            };
            if (type is null)
            {
                return;
            }

            if (type.IsOrDerives(_symbols.ArgoControllerArgs))
            {
                System.Threading.Interlocked.Increment(ref _controllerCreations);
                var value = initializer?.ValueOf(_controllerNamespace);
                if (value is null)
                {
                    System.Threading.Interlocked.Increment(ref _controllersOnTheDefaultNamespace);
                }
                else if (value.ConstantString() is { } ns)
                {
                    _controllerNamespaces.TryAdd(ns, true);
                }
            }
            else if (type.IsOrDerives(_symbols.ArgoWorkflowsArgs) && initializer?.ValueOf(_controller) is null)
            {
                // A whole install without Controller: the default controller, in the default namespace.
                System.Threading.Interlocked.Increment(ref _controllersOnTheDefaultNamespace);
            }
            else if (type.IsOrDerives(_symbols.WorkflowNamespaceArgs) && initializer is not null)
            {
                if (ManagedNamespaceIsControllerNamespaceRule.NamespacedArgument(initializer.ValueOf(_scope), _symbols) is not null)
                {
                    return; // A namespace install: ARGO0001's business.
                }

                var nameValue = initializer.ValueOf(_name);
                if (nameValue?.ConstantString() is not { } name || name.Length == 0)
                {
                    return;
                }

                var own = initializer.ValueOf(_ownControllerNamespace);
                string? controllerNamespace = null;
                if (own is not null)
                {
                    controllerNamespace = own.ConstantString();
                    if (controllerNamespace is null)
                    {
                        return; // Not knowable here.
                    }
                }

                _candidates.Add((name, controllerNamespace, (nameValue.Parent ?? nameValue).Syntax.GetLocation()));
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            var known = new HashSet<string>(_controllerNamespaces.Keys, System.StringComparer.Ordinal);

            // The default namespace counts unless every controller of the compilation names its own
            // (a later 'controller.Namespace = …' may move one left at the default: then it still counts).
            var defaultInUse = _controllersOnTheDefaultNamespace > 0 || (_controllerCreations == 0 && _namespaceAssignments == 0);
            if (defaultInUse)
            {
                known.Add(ManagedNamespaceIsControllerNamespaceRule.DefaultNamespace);
            }
            foreach (var (name, controllerNamespace, location) in _candidates)
            {
                var inControllerNamespace = controllerNamespace is not null
                    ? string.Equals(name, controllerNamespace, System.StringComparison.Ordinal)
                    : known.Contains(name);
                if (inControllerNamespace)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, "WorkflowNamespaceArgs.Name"));
                }
            }

            foreach (var (ns, location) in _bindings)
            {
                if (known.Contains(ns))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, "RoleRefArgs.Name"));
                }
            }
        }
    }
}
