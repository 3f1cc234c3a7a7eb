using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// The rules decidable from ArgoSecure's Args: one sealed rule class per intent (<see cref="PropertyRule"/>,
/// <see cref="CollectionElementRule"/>, initializer rules), run from one callback per operation kind so that a
/// large project pays one dispatch per assignment, not one per rule. Properties are looked up in a per-compilation
/// table, so an assignment to anything else costs one dictionary miss.
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
            var symbols = ArgoSymbols.TryCreate(start.Compilation);
            if (symbols is null || !symbols.HasArgoSecure)
            {
                return;
            }

            var table = new Table(symbols);
            start.RegisterOperationAction(table.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(table.AnalyzeMemberInitializer, OperationKind.MemberInitializer);
            start.RegisterOperationAction(table.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(table.AnalyzeCreation, OperationKind.ObjectCreation);
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

        return builder.ToImmutable();
    }

    /// <summary>The rules of one compilation, indexed by the property they watch.</summary>
    private sealed class Table
    {
        private readonly ArgoSymbols _symbols;
        private readonly Dictionary<IPropertySymbol, List<(PropertyRule Rule, PropertyCheck Check)>> _properties = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IPropertySymbol, CollectionElementRule> _lists = new(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _initializerTypes = new(SymbolEqualityComparer.Default);
        private readonly HashSet<IPropertySymbol> _scopes = new(SymbolEqualityComparer.Default);

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
                        if (!_properties.TryGetValue(property, out var list))
                        {
                            _properties[property] = list = new List<(PropertyRule, PropertyCheck)>();
                        }

                        list.Add((rule, check));
                    }
                }
            }

            foreach (var rule in CollectionRules)
            {
                if (rule.GetProperty(symbols) is { } property)
                {
                    _lists[property] = rule;
                }
            }

            foreach (var type in new[] { symbols.ArgoControllerArgs, symbols.ArgoServerArgs, symbols.WorkflowNamespaceArgs })
            {
                if (type is not null)
                {
                    _initializerTypes.Add(type);
                }
            }

            foreach (var type in new[] { symbols.ArgoControllerArgs, symbols.ArgoServerArgs })
            {
                if (ArgoSymbols.Property(type, "Scope") is { } scope)
                {
                    _scopes.Add(scope);
                }
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Arguments.Length: 0 } target)
            {
                return;
            }

            var property = target.Property.OriginalDefinition;
            if (_properties.TryGetValue(property, out var rules))
            {
                foreach (var (rule, check) in rules)
                {
                    rule.Analyze(context, assignment, check, _symbols);
                }
            }

            if (_lists.TryGetValue(property, out var listRule))
            {
                listRule.ReportElements(context, assignment.Value, property);
            }

            if (_scopes.Contains(property))
            {
                ManagedNamespaceIsControllerNamespaceRule.AnalyzeAssignment(context, _symbols, assignment, property);
            }
        }

        public void AnalyzeMemberInitializer(OperationAnalysisContext context)
        {
            var member = (IMemberInitializerOperation)context.Operation;
            if (member.InitializedMember is not IPropertyReferenceOperation reference)
            {
                return;
            }

            var property = reference.Property.OriginalDefinition;
            if (_lists.TryGetValue(property, out var listRule))
            {
                listRule.ReportElements(context, member.Initializer, property);
            }
            else if (member.InitializedMember.Type is INamedTypeSymbol type && _initializerTypes.Contains(type.OriginalDefinition))
            {
                AnalyzeInitializer(context, type, member.Initializer);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            // args.AuthModes.Add(AuthMode.Server): only calls whose receiver is a watched list property.
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.Instance is not IPropertyReferenceOperation receiver ||
                !_lists.TryGetValue(receiver.Property.OriginalDefinition, out var listRule) ||
                invocation.TargetMethod.Name is not ("Add" or "AddRange" or "Insert"))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                listRule.ReportElements(context, argument.Value, receiver.Property);
            }
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (AcceptedRisks.IsAcceptedRisk(creation.Type))
            {
                UnusableAcceptanceRule.Analyze(context, creation);
                return;
            }

            if (creation.Initializer is { } initializer && creation.Type is INamedTypeSymbol type && _initializerTypes.Contains(type.OriginalDefinition))
            {
                AnalyzeInitializer(context, type, initializer);
            }
        }

        private void AnalyzeInitializer(OperationAnalysisContext context, INamedTypeSymbol type, IObjectOrCollectionInitializerOperation initializer)
        {
            ManagedNamespaceIsControllerNamespaceRule.Analyze(context, _symbols, type, initializer);
            if (SymbolEqualityComparer.Default.Equals(type, _symbols.ArgoServerArgs))
            {
                DoNotOverPrivilegeServerRule.Analyze(context, _symbols, initializer);
            }
        }
    }
}
