using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Rules about a constant element of a list property of the Args: <c>AuthModes = { AuthMode.Server }</c>,
/// <c>AuthModes = [AuthMode.Server]</c>, <c>new List&lt;AuthMode&gt; { … }</c>, <c>args.AuthModes.Add(…)</c>.
/// </summary>
public abstract class CollectionElementAnalyzer : DiagnosticAnalyzer
{
    private ImmutableArray<DiagnosticDescriptor> _supported;

    private protected CollectionElementAnalyzer()
    {
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        _supported.IsDefault ? _supported = ImmutableArray.Create(Rule) : _supported;

    private protected abstract DiagnosticDescriptor Rule { get; }

    /// <summary>The list property, or null when the compilation does not have it.</summary>
    private protected abstract IPropertySymbol? GetProperty(ArgoSymbols symbols);

    /// <summary>True when a constant element is insecure.</summary>
    private protected abstract bool IsInsecure(object? value, ArgoSymbols symbols);

    /// <summary>What the code fix writes instead of the element, or null.</summary>
    private protected abstract string? Replacement { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = ArgoSymbols.TryCreate(start.Compilation);
            var property = symbols is null ? null : GetProperty(symbols);
            if (symbols is null || property is null)
            {
                return;
            }

            var display = property.ContainingType.Name + "." + property.Name;
            start.RegisterOperationAction(
                ctx =>
                {
                    switch (ctx.Operation)
                    {
                        case ISimpleAssignmentOperation assignment when assignment.AssignedProperty().Is(property):
                            ReportElements(ctx, assignment.Value, symbols, display);
                            break;
                        case IMemberInitializerOperation member when member.InitializedMember is IPropertyReferenceOperation reference && reference.Property.Is(property):
                            ReportElements(ctx, member.Initializer, symbols, display);
                            break;
                        case IInvocationOperation invocation when invocation.Instance?.WithoutConversions() is IPropertyReferenceOperation receiver &&
                                                                  receiver.Property.Is(property) && invocation.TargetMethod.Name is "Add" or "AddRange" or "Insert":
                            foreach (var argument in invocation.Arguments)
                            {
                                ReportElements(ctx, argument.Value, symbols, display);
                            }

                            break;
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.MemberInitializer,
                OperationKind.Invocation);
        });
    }

    private void ReportElements(OperationAnalysisContext context, IOperation value, ArgoSymbols symbols, string display)
    {
        foreach (var element in CollectionElements.Of(value))
        {
            if (element.TryGetConstant(out var constant) && IsInsecure(constant, symbols))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, element.Syntax.GetLocation(), ArgoDescriptors.Replace(Replacement), display));
            }
        }
    }
}

/// <summary>Finds the element expressions of a list value: collection and array initializers, collection expressions, an Add argument.</summary>
internal static class CollectionElements
{
    /// <summary>The outermost operation of each element expression below <paramref name="value"/>.</summary>
    public static List<IOperation> Of(IOperation value)
    {
        var result = new List<IOperation>();
        var seen = new HashSet<SyntaxNode>();
        foreach (var operation in value.SelfAndDescendants())
        {
            // In a collection initializer the implicit Add call, its argument and a params array have the element's syntax: look inside.
            if (operation is IArgumentOperation or IInvocationOperation { IsImplicit: true } or
                IArrayCreationOperation { IsImplicit: true } or IArrayInitializerOperation { IsImplicit: true })
            {
                continue;
            }

            // A conversion and its operand share the syntax: keep the outermost only.
            if (seen.Add(operation.Syntax) && IsElement(operation, value))
            {
                result.Add(operation);
            }
        }

        // SelfAndDescendants walks a stack; report in source order.
        result.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        return result;
    }

    private static bool IsElement(IOperation operation, IOperation root)
    {
        if (operation.Syntax is not ExpressionSyntax expression)
        {
            return false;
        }

        return expression.Parent switch
        {
            ExpressionElementSyntax => true,
            InitializerExpressionSyntax init => init.IsKind(SyntaxKind.CollectionInitializerExpression) || init.IsKind(SyntaxKind.ArrayInitializerExpression),
            ArgumentSyntax => ReferenceEquals(operation, root),
            _ => false,
        };
    }
}
