using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// The rules decidable from one Args object: ArgoSecure's Args, with one sealed rule class per intent
/// (<see cref="PropertyRule"/>, <see cref="CollectionElementRule"/>, initializer rules), and Pulumi.Kubernetes' Args
/// that install Argo another way (<see cref="PulumiKubernetesArgoInstall"/>). They run from one callback per
/// object creation and one per expression statement (writes are read where <see cref="WriteSites"/> says), so that a
/// large project pays one dispatch per creation or statement, not one per rule, per library or per assignment.
/// Properties are looked up in a per-compilation table by symbol object (<see cref="SymbolMemo{TSymbol, TValue}"/>), so a
/// write to anything else costs one reference lookup.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ArgsHardenedValuesAnalyzer : DiagnosticAnalyzer
{
    private static readonly PropertyRule[] PropertyRules =
    {
        new DoNotDisableServerTlsRule(),
        new DoNotDisableSsoRbacRule(),
        new DoNotSkipSsoIssuerVerificationRule(),
        new RunWorkflowPodsAsNonRootRule(),
        new DoNotAutomountWorkflowTokenRule(),
        new DoNotRunWorkflowsAsDefaultServiceAccountRule(),
        new RestrictWorkflowsToTemplatesRule(),
        new KeepNetworkPoliciesRule(),
        new ServeMetricsSecurelyRule(),
        new VerifyDatabaseTlsRule(),
        new DoNotWriteLiteralCredentialsRule(),
        new DoNotEnableDebugSurfacesRule(),
        new PinArgoImagesRule(),
        new SupportedArgoReleaseRule(),
        new EnforceWorkflowSpecsRule(),
    };

    private static readonly CollectionElementRule[] CollectionRules =
    {
        new DoNotUseServerAuthModeRule(),
        new DoNotReopenSensitiveFieldsRule(),
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CreateSupported();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var argoSecure = ArgoSymbols.MayReference(compilation, argoSecure: true, pulumi: false);
            var pulumi = ArgoSymbols.MayReference(compilation, argoSecure: false, pulumi: true);
            if (!argoSecure && !pulumi)
            {
                return;
            }

            // Built at the first callback (see ArgoSymbols.MayReference); null when the library is not there after all.
            var lazyTable = argoSecure ? new Lazy<Table?>(() => ArgoSymbols.For(compilation) is { HasArgoSecure: true } symbols ? new Table(symbols) : null) : null;
            var lazyPulumi = pulumi ? new Lazy<PulumiKubernetesArgoInstall?>(() => ArgoSymbols.For(compilation) is { } symbols ? PulumiKubernetesArgoInstall.Create(symbols) : null) : null;
            if (lazyTable is not null)
            {
                // Writes and list calls are read from statements and initializers (see WriteSites), not from a callback each.
                start.RegisterOperationAction([MethodImpl(HotPath.Optimized)] (c) => lazyTable.Value?.AnalyzeStatement(c), OperationKind.ExpressionStatement);
                start.RegisterOtherInitializerOwners((c, initializer) => lazyTable.Value?.AnalyzeInitializerMembers(c, initializer));
            }

            // One callback per object creation for both libraries: the created type's definition tells which rules read it
            // (one symbol object per definition, see SymbolMemo).
            start.RegisterOperationAction(
                [MethodImpl(HotPath.Optimized)] (c) =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Type?.OriginalDefinition is not INamedTypeSymbol definition)
                    {
                        return;
                    }

                    lazyTable?.Value?.AnalyzeCreation(c, creation, definition);
                    lazyPulumi?.Value?.AnalyzeCreation(c, creation, definition);
                },
                OperationKind.ObjectCreation);

            // The driver runs a block's operation actions before its block actions: Helm creations are read here.
            if (lazyPulumi is not null)
            {
                start.RegisterOperationBlockAction([MethodImpl(HotPath.Optimized)] (c) =>
                {
                    if (lazyPulumi.IsValueCreated)
                    {
                        lazyPulumi.Value?.EndBlock(c);
                    }
                });
            }
        });
    }

    private static ImmutableArray<DiagnosticDescriptor> CreateSupported()
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        builder.Add(ManagedNamespaceIsControllerNamespaceRule.Rule);
        builder.Add(DoNotOverPrivilegeServerRule.Rule);
        builder.Add(UnusableAcceptanceRule.Rule);
        foreach (var rule in CollectionRules)
        {
            builder.Add(rule.Rule);
        }

        foreach (var rule in PropertyRules)
        {
            builder.Add(rule.Rule);
        }

        // The Pulumi.Kubernetes rules report some of the same rules, from descriptors of their own.
        foreach (var descriptor in HelmArgoWorkflowsValuesRule.Descriptors)
        {
            if (!builder.Contains(descriptor))
            {
                builder.Add(descriptor);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The rules of one compilation, indexed by the property they watch.</summary>
    private sealed class Table
    {
        private static readonly object AcceptedRiskType = new();

        private readonly ArgoSymbols _symbols;

        // One lookup per written property, by the symbol object: most writes of a build are to properties no rule watches.
        private readonly Dictionary<IPropertySymbol, Watch> _watches = new(SymbolEqualityComparer.Default);
        private readonly SymbolMemo<IPropertySymbol, Watch> _watchOf;
        private readonly HashSet<INamedTypeSymbol> _initializerTypes = new(SymbolEqualityComparer.Default);

        // What a type definition is to the rules when created or initialized: AcceptedRiskType, the type itself when
        // the initializer rules read it, or null. Keyed by definitions: an operation's type is a new symbol object per
        // nullable annotation.
        private readonly SymbolMemo<ITypeSymbol, object> _creationKindOf;

        public Table(ArgoSymbols symbols)
        {
            _symbols = symbols;
            foreach (var rule in PropertyRules)
            {
                var checks = new List<PropertyCheck>();
                rule.AddChecks(symbols, checks);
                foreach (var check in checks)
                {
                    if (check.Property is { } property)
                    {
                        WatchOf(property).Checks.Add((rule, check));
                    }
                }
            }

            foreach (var rule in CollectionRules)
            {
                if (rule.GetProperty(symbols) is { } property)
                {
                    WatchOf(property).List = rule;
                }
            }

            foreach (var type in new[] { symbols.ArgoControllerArgs, symbols.ArgoServerArgs, symbols.WorkflowNamespaceArgs })
            {
                if (type is not null)
                {
                    _initializerTypes.Add(type);
                }
            }

            foreach (var scope in new[] { symbols.ControllerScope, symbols.ServerScope })
            {
                if (scope is not null)
                {
                    WatchOf(scope).IsScope = true;
                }
            }

            _watchOf = new SymbolMemo<IPropertySymbol, Watch>(property => _watches.TryGetValue(property.OriginalDefinition, out var watch) ? watch : null);
            var creationAssemblies = ArgoSymbols.DeclaringAssembliesOf(new List<ISymbol?>(_initializerTypes) { symbols.AcceptedRisk });
            _creationKindOf = new SymbolMemo<ITypeSymbol, object>(type =>
                type is not INamedTypeSymbol named || !ArgoSymbols.IsOneOf(named.ContainingAssembly, creationAssemblies) ? null :
                AcceptedRisks.IsAcceptedRisk(named) ? AcceptedRiskType :
                _initializerTypes.Contains(named) ? named :
                null);
        }

        [MethodImpl(HotPath.Optimized)]
        public void AnalyzeStatement(OperationAnalysisContext context)
        {
            var effect = ((IExpressionStatementOperation)context.Operation).Effect();
            if (effect is IInvocationOperation invocation)
            {
                AnalyzeInvocation(context, invocation);
                return;
            }

            for (var assignment = effect as ISimpleAssignmentOperation; assignment is not null; assignment = assignment.Chained())
            {
                AnalyzeAssignment(context, assignment);
            }
        }

        /// <summary>The writes and nested member initializers of an initializer (every initializer of the compilation).</summary>
        [MethodImpl(HotPath.Optimized)]
        public void AnalyzeInitializerMembers(OperationAnalysisContext context, IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var member in initializer.Members())
            {
                if (member is ISimpleAssignmentOperation assignment)
                {
                    AnalyzeAssignment(context, assignment);
                }
                else
                {
                    AnalyzeMemberInitializer(context, (IMemberInitializerOperation)member);
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Arguments.Length: 0, Property: var assigned } || !IsWatched(assigned, out var watch))
            {
                return;
            }

            var property = assigned.OriginalDefinition;
            foreach (var (rule, check) in watch.Checks)
            {
                rule.Analyze(context, assignment, check, _symbols);
            }

            watch.List?.ReportElements(context, assignment.Value, property);
            if (watch.IsScope)
            {
                ManagedNamespaceIsControllerNamespaceRule.AnalyzeAssignment(context, _symbols, assignment, property);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void AnalyzeMemberInitializer(OperationAnalysisContext context, IMemberInitializerOperation member)
        {
            if (member.InitializedMember is not IPropertyReferenceOperation reference)
            {
                return;
            }

            if (_watchOf.Get(reference.Property) is { List: { } listRule })
            {
                listRule.ReportElements(context, member.Initializer, reference.Property.OriginalDefinition);
            }
            else if (member.InitializedMember.Type?.OriginalDefinition is { } definition && _creationKindOf.Get(definition) is INamedTypeSymbol type)
            {
                AnalyzeInitializer(context, type, member.Initializer);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            // args.AuthModes.Add(AuthMode.Server): only calls whose receiver is a watched list property.
            if (invocation.Instance is not IPropertyReferenceOperation receiver || !IsWatched(receiver.Property, out var watch) || watch.List is not { } listRule ||
                invocation.TargetMethod.Name is not ("Add" or "AddRange" or "Insert"))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                listRule.ReportElements(context, argument.Value, receiver.Property);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public void AnalyzeCreation(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol definition)
        {
            // Any type's initializer: a member initializer of a program's own class can reach into Args (Server = { Tls = … }).
            if (creation.Initializer is { } members)
            {
                AnalyzeInitializerMembers(context, members);
            }

            var kind = _creationKindOf.Get(definition);
            if (kind == AcceptedRiskType)
            {
                UnusableAcceptanceRule.Analyze(context, creation);
            }
            else if (kind is INamedTypeSymbol type && creation.Initializer is { } initializer)
            {
                AnalyzeInitializer(context, type, initializer);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private bool IsWatched(IPropertySymbol property, out Watch watch)
        {
            watch = _watchOf.Get(property)!;
            return watch is not null;
        }

        private Watch WatchOf(IPropertySymbol property)
        {
            if (!_watches.TryGetValue(property, out var watch))
            {
                _watches[property] = watch = new Watch();
            }

            return watch;
        }

        private void AnalyzeInitializer(OperationAnalysisContext context, INamedTypeSymbol type, IObjectOrCollectionInitializerOperation initializer)
        {
            ManagedNamespaceIsControllerNamespaceRule.Analyze(context, _symbols, type, initializer);
            if (SymbolEqualityComparer.Default.Equals(type, _symbols.ArgoServerArgs))
            {
                DoNotOverPrivilegeServerRule.Analyze(context, _symbols, initializer);
            }
        }

        /// <summary>What the rules look for on one property.</summary>
        private sealed class Watch
        {
            public List<(PropertyRule Rule, PropertyCheck Check)> Checks { get; } = new();

            public CollectionElementRule? List { get; set; }

            public bool IsScope { get; set; }
        }
    }
}
