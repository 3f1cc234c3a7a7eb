using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
internal abstract class CollectionElementRule
{
    /// <summary>The rule's descriptor.</summary>
    public abstract DiagnosticDescriptor Rule { get; }

    /// <summary>The list property, or null when the compilation does not have it.</summary>
    public abstract IPropertySymbol? GetProperty(ArgoSymbols symbols);

    /// <summary>True when a constant element is insecure.</summary>
    public abstract bool IsInsecure(object? value);

    /// <summary>What the code fix writes instead of the element, or null.</summary>
    public abstract string? Replacement { get; }

    /// <summary>Reports the insecure constant elements of a value given to the list property.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void ReportElements(OperationAnalysisContext context, IOperation value, IPropertySymbol property)
    {
        foreach (var element in CollectionElements.Of(value))
        {
            if (element.TryGetConstant(out var constant) && IsInsecure(constant))
            {
                context.ReportDiagnostic(AcceptedRisks.Create(Rule, element, element.Syntax.GetLocation(), ArgoDescriptors.Replace(Replacement),
                    property.ContainingType.Name + "." + property.Name));
            }
        }
    }
}

/// <summary>Finds the element expressions of a list value: collection and array initializers, collection expressions, an Add argument.</summary>
internal static class CollectionElements
{
    /// <summary>The outermost operation of each element expression below <paramref name="value"/>, in source order.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static List<IOperation> Of(IOperation value)
    {
        var result = new List<IOperation>();
        foreach (var operation in value.SelfAndDescendants())
        {
            // A conversion and its operand share the syntax: keep the outermost only.
            if (!LooksInside(operation) && !HasOuterWithTheSameSyntax(operation, value) && IsElement(operation, value))
            {
                result.Add(operation);
            }
        }

        result.SortBySource();
        return result;
    }

    // An operation between it and the root, with its syntax, that is kept or ruled out in its place. The climb stops at
    // the first parent with other syntax: a conversion or an implicit call over the element, a step or two.
    [MethodImpl(HotPath.Optimized)]
    private static bool HasOuterWithTheSameSyntax(IOperation operation, IOperation root)
    {
        for (var inner = operation; !ReferenceEquals(inner, root) && inner.Parent is { } outer && ReferenceEquals(outer.Syntax, operation.Syntax); inner = outer)
        {
            if (!LooksInside(outer))
            {
                return true;
            }
        }

        return false;
    }

    // In a collection initializer the implicit Add call, its argument and a params array have the element's syntax: look inside.
    [MethodImpl(HotPath.Optimized)]
    private static bool LooksInside(IOperation operation) =>
        operation is IArgumentOperation or IInvocationOperation { IsImplicit: true } or
            IArrayCreationOperation { IsImplicit: true } or IArrayInitializerOperation { IsImplicit: true };

    [MethodImpl(HotPath.Optimized)]
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
