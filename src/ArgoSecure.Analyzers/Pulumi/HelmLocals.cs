using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Helm values kept in a local and filled step by step before use, in the same method:
/// <c>var values = new Dictionary&lt;string, object&gt; { … }; values["server"] = server; values.Add("controller", …);</c>.
/// Writes after the use are not part of the values. A local made from anything else (a parameter, a method result,
/// configuration), assigned again, or handed to code the analyzer does not follow before the use, is not guessed:
/// its entries are unknown.
/// </summary>
internal static class HelmLocals
{
    /// <summary>The value of <paramref name="local"/> at <paramref name="use"/>.</summary>
    public static HelmNode Read(ILocalReferenceOperation local, IOperation use, int depth)
    {
        var symbol = local.Local;
        var useStart = use.Syntax.SpanStart;
        HelmNode? value = null;
        var unknownWrites = false;
        foreach (var operation in use.Root().SelfAndDescendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                    var initial = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                    value = initial is null ? new HelmUnknown(use) : HelmNode.Read(initial, depth + 1);
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, symbol) &&
                                                             reference.Syntax.SpanStart < useStart && !ReferenceEquals(reference, local):
                    unknownWrites |= !IsFollowedWrite(reference);
                    break;
            }
        }

        if (value is null || value is HelmUnknown || value is HelmScalar)
        {
            return value ?? new HelmUnknown(use);
        }

        // Apply the writes before the use, in source order.
        foreach (var write in WritesBefore(use, symbol, useStart))
        {
            Apply(value, write, depth);
        }

        if (unknownWrites)
        {
            switch (value)
            {
                case HelmMap map:
                    map.HasUnknownEntries = true;
                    break;
                case HelmList list:
                    list.HasUnknownItems = true;
                    break;
            }
        }

        return value;
    }

    // values["k"] = v, values.Add("k", v), list.Add(v): the writes this reader follows. Anything else on the local
    // before the use (another call, passing it on, assigning it again) makes its entries unknown.
    private static bool IsFollowedWrite(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IPropertyReferenceOperation { Arguments.Length: 1, Parent: ISimpleAssignmentOperation assignment } indexer =>
            ReferenceEquals(assignment.Target, indexer) && indexer.Arguments[0].Value.KnownString() is not null,
        IInvocationOperation { TargetMethod.Name: "Add" } add => ReferenceEquals(add.Instance, reference) &&
            (add.Arguments.Length == 1 || (add.Arguments.Length == 2 && add.Arguments[0].Value.KnownString() is not null)),
        _ => false,
    };

    private static System.Collections.Generic.List<IOperation> WritesBefore(IOperation use, ILocalSymbol symbol, int useStart)
    {
        var writes = new System.Collections.Generic.List<IOperation>();
        foreach (var operation in use.Root().SelfAndDescendants())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, symbol) &&
                reference.Syntax.SpanStart < useStart && IsFollowedWrite(reference))
            {
                writes.Add(reference.Parent is IPropertyReferenceOperation indexer ? indexer.Parent! : reference.Parent!);
            }
        }

        writes.SortBySource();
        return writes;
    }

    private static void Apply(HelmNode value, IOperation write, int depth)
    {
        switch (write)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation indexer } assignment when value is HelmMap map &&
                indexer.Arguments[0].Value.KnownString() is { } key:
                map.Entries[key] = new HelmEntry(key, assignment, HelmNode.Read(assignment.Value, depth + 1));
                break;
            case IInvocationOperation { Arguments.Length: 2 } add when value is HelmMap map && add.Arguments[0].Value.KnownString() is { } key:
                map.Entries[key] = new HelmEntry(key, add, HelmNode.Read(add.Arguments[1].Value, depth + 1));
                break;
            case IInvocationOperation { Arguments.Length: 1 } add when value is HelmList list:
                // InputList<T>.Add(params Input<T>[] items): each element is an item.
                if (add.Arguments[0].Value.WithoutConversions() is IArrayCreationOperation { IsImplicit: true, Initializer: { } items })
                {
                    foreach (var item in items.ElementValues)
                    {
                        list.Items.Add(HelmNode.Read(item, depth + 1));
                    }
                }
                else
                {
                    list.Items.Add(HelmNode.Read(add.Arguments[0].Value, depth + 1));
                }

                break;
            default:
                if (value is HelmMap unknownMap)
                {
                    unknownMap.HasUnknownEntries = true;
                }

                break;
        }
    }
}
