using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>Small helpers over IOperation shared by the analyzers.</summary>
internal static class OperationExtensions
{
    /// <summary>The operation without the implicit or explicit conversions around it.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The compile-time constant of a value (a literal, a const field or local, an enum member), looking through conversions.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool TryGetConstant(this IOperation? operation, out object? value)
    {
        while (operation is not null)
        {
            // Read once: each read makes a new Optional, and a string constant's text is rebuilt from Roslyn's rope
            // through a weak reference.
            var constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                value = constant.Value;
                return true;
            }

            operation = operation is IConversionOperation conversion ? conversion.Operand : null;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Puts operations found by a walk into source order. The walk follows evaluation order, which is the source order
    /// but in rare cases (named arguments), so the list is sorted only when it is out of order.
    /// </summary>
    public static void SortBySource(this List<IOperation> operations)
    {
        for (var i = 1; i < operations.Count; i++)
        {
            if (operations[i - 1].Syntax.SpanStart > operations[i].Syntax.SpanStart)
            {
                operations.Sort(static (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
                return;
            }
        }
    }

    /// <summary>The constant string of a value, or null when it is not a constant string.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static string? ConstantString(this IOperation? operation) =>
        operation.TryGetConstant(out var value) ? value as string : null;

    /// <summary>The property an assignment writes, when its target is a property (not an indexer).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IPropertySymbol? AssignedProperty(this IAssignmentOperation assignment) =>
        assignment.Target is IPropertyReferenceOperation reference && reference.Arguments.Length == 0 ? reference.Property : null;

    /// <summary>True when <paramref name="property"/> is <paramref name="expected"/> (or its original definition is).</summary>
    /// <remarks>
    /// Equal symbols have the same name: most calls compare different properties of one initializer, and the names tell
    /// them apart before the compiler's symbol equality runs.
    /// </remarks>
    [MethodImpl(HotPath.Optimized)]
    public static bool Is(this IPropertySymbol? property, IPropertySymbol? expected) =>
        property is not null && expected is not null &&
        (ReferenceEquals(property, expected) ||
         (string.Equals(property.Name, expected.Name, StringComparison.Ordinal) &&
          (SymbolEqualityComparer.Default.Equals(property, expected) || SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, expected))));

    /// <summary>True when the type is (or derives from) <paramref name="expected"/>.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsOrDerives(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (expected is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, expected) || SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The property values set by an object initializer, in source order: simple assignments to a property
    /// of the initialized object, and nested member initializers (<c>Tls = { Enabled = false }</c>).
    /// </summary>
    public static PropertyValueList PropertyValues(this IObjectOrCollectionInitializerOperation? initializer) => new(initializer);

    /// <summary>The value given to <paramref name="property"/> in an initializer, or null when the initializer does not set it.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation? ValueOf(this IObjectOrCollectionInitializerOperation? initializer, IPropertySymbol? property)
    {
        IOperation? found = null;
        foreach (var (p, value, _) in initializer.PropertyValues())
        {
            if (p.Is(property))
            {
                found = value;
            }
        }

        return found;
    }

    /// <summary>The initializer of an object being created, looking through conversions.</summary>
    public static IObjectOrCollectionInitializerOperation? CreationInitializer(this IOperation? operation) =>
        operation?.WithoutConversions() switch
        {
            IObjectCreationOperation creation => creation.Initializer,
            IObjectOrCollectionInitializerOperation initializer => initializer,
            _ => null,
        };

    /// <summary>Every operation below <paramref name="operation"/>, itself included (see <see cref="OperationWalk"/>).</summary>
    public static OperationWalk SelfAndDescendants(this IOperation operation) => new(operation);

    /// <summary>Compares two constants as numbers when both are numeric, else with Equals.</summary>
    public static bool ConstantEquals(object? value, long expected)
    {
        try
        {
            return value is IConvertible convertible && value is not string && value is not bool &&
                convertible.ToInt64(System.Globalization.CultureInfo.InvariantCulture) == expected;
        }
        catch (OverflowException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>
    /// The <c>new T(...)</c> that initializes <paramref name="local"/> in the body that contains <paramref name="from"/>
    /// (null when it is made elsewhere), and whether a simple assignment other than <paramref name="except"/> in that
    /// body writes one of <paramref name="watched"/> on the local.
    /// </summary>
    public static IObjectCreationOperation? CreationOfLocal(IOperation from, ILocalSymbol local, IPropertySymbol?[] watched, IOperation except, out bool watchedAssigned)
    {
        var creation = LocalWrites(from, local, out var writes);
        watchedAssigned = false;
        foreach (var (property, _, assignment) in writes)
        {
            if (!ReferenceEquals(assignment, except))
            {
                foreach (var candidate in watched)
                {
                    watchedAssigned |= property.Is(candidate);
                }
            }
        }

        return creation;
    }

    /// <summary>
    /// The <c>new T(...)</c> that initializes <paramref name="local"/> in the body that contains <paramref name="from"/>
    /// (null when it is made elsewhere), and every simple assignment <c>local.Property = value</c> in that body.
    /// </summary>
    public static IObjectCreationOperation? LocalWrites(IOperation from, ILocalSymbol local, out List<(IPropertySymbol Property, IOperation Value, IOperation Assignment)> writes)
    {
        IObjectCreationOperation? creation = null;
        writes = new List<(IPropertySymbol, IOperation, IOperation)>();
        foreach (var operation in from.Root().SelfAndDescendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                var value = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                creation = value?.WithoutConversions() as IObjectCreationOperation;
            }
            else if (operation is ISimpleAssignmentOperation assignment &&
                     assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } reference &&
                     SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                writes.Add((reference.Property, assignment.Value, assignment));
            }
        }

        return creation;
    }

    /// <summary>The local that <paramref name="creation"/> initializes (<c>var x = new T { ... }</c>), or null.</summary>
    public static ILocalSymbol? InitializedLocal(this IOperation creation) =>
        creation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;

    /// <summary>The root of the operation tree that holds <paramref name="operation"/>: its method body, field initializer or top-level statements.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
