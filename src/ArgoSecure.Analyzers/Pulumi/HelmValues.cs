using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// What C# code says about a Helm values tree: nested <c>Dictionary&lt;string, object&gt;</c> / <c>InputMap&lt;object&gt;</c>
/// initializers, arrays and lists, constants; anything else is <see cref="HelmUnknown"/>.
/// </summary>
internal abstract class HelmNode
{
    protected HelmNode(IOperation? operation) => Operation = operation;

    /// <summary>The operation the node was read from (null for a map the chart defaults to).</summary>
    public IOperation? Operation { get; }

    /// <summary>Reads a value.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static HelmNode Read(IOperation? operation, int depth = 0)
    {
        if (operation is null)
        {
            return new HelmUnknown(null);
        }

        if (depth > 32)
        {
            return new HelmUnknown(operation);
        }

        if (operation.TryGetConstant(out var constant))
        {
            return new HelmScalar(operation, constant);
        }

        if (operation.KnownString() is { } known)
        {
            return new HelmScalar(operation, known);
        }

        var inner = operation.WithoutConversions();
        switch (inner)
        {
            case ILocalReferenceOperation local:
                return HelmLocals.Read(local, operation, depth);
            case IObjectOrCollectionInitializerOperation initializer:
                return ReadInitializer(initializer, depth);
            case IObjectCreationOperation creation:
                if (creation.Initializer is not null && creation.Arguments.Length == 0)
                {
                    return ReadInitializer(creation.Initializer, depth);
                }

                return creation.Arguments.Length == 0 && creation.Type is INamedTypeSymbol type
                    ? IsMapType(type) ? new HelmMap(creation) : IsListType(type) ? new HelmList(creation) : new HelmUnknown(creation)
                    : new HelmUnknown(creation);
            case IArrayCreationOperation array when array.Initializer is not null:
                var list = new HelmList(array);
                foreach (var element in array.Initializer.ElementValues)
                {
                    list.Items.Add(Read(element, depth + 1));
                }

                return list;
        }

        if (inner.Syntax is CollectionExpressionSyntax)
        {
            var list = new HelmList(inner);
            foreach (var child in inner.ChildOperations)
            {
                list.Items.Add(Read(child, depth + 1));
            }

            return list;
        }

        return new HelmUnknown(operation);
    }

    private static bool IsMapType(INamedTypeSymbol type) =>
        type.Name is "Dictionary" or "InputMap" or "ImmutableDictionary" or "SortedDictionary";

    private static bool IsListType(INamedTypeSymbol type) => type.Name is "List" or "InputList";

    [MethodImpl(HotPath.Optimized)]
    internal static HelmNode ReadInitializer(IObjectOrCollectionInitializerOperation initializer, int depth)
    {
        // A map: indexer assignments ["k"] = v or Add("k", v); a list: Add(v).
        HelmMap? map = null;
        HelmList? list = null;
        foreach (var child in initializer.Initializers)
        {
            switch (child)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when indexer.Arguments[0].Value.KnownString() is { } key:
                    map ??= new HelmMap(initializer);
                    map.Entries[key] = new HelmEntry(key, assignment, Read(assignment.Value, depth + 1));
                    break;
                case IInvocationOperation { Arguments.Length: 2 } add when add.Arguments[0].Value.KnownString() is { } key:
                    map ??= new HelmMap(initializer);
                    map.Entries[key] = new HelmEntry(key, add, Read(add.Arguments[1].Value, depth + 1));
                    break;
                case IInvocationOperation { Arguments.Length: 1 } add:
                    list ??= new HelmList(initializer);
                    var argument = add.Arguments[0].Value;
                    if (argument.WithoutConversions() is IArrayCreationOperation { IsImplicit: true, Initializer: { } paramsArray })
                    {
                        foreach (var element in paramsArray.ElementValues)
                        {
                            list.Items.Add(Read(element, depth + 1));
                        }
                    }
                    else
                    {
                        list.Items.Add(Read(argument, depth + 1));
                    }

                    break;
                default:
                    map ??= new HelmMap(initializer);
                    map.HasUnknownEntries = true;
                    break;
            }
        }

        if (list is not null && map is null)
        {
            return list;
        }

        if (list is not null)
        {
            return new HelmUnknown(initializer);
        }

        return map ?? new HelmMap(initializer);
    }
}

/// <summary>A map whose entries are known (unless <see cref="HasUnknownEntries"/>).</summary>
internal sealed class HelmMap : HelmNode
{
    public HelmMap(IOperation? operation)
        : base(operation)
    {
    }

    public Dictionary<string, HelmEntry> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>Some entries could not be read, so a missing key may still be set.</summary>
    public bool HasUnknownEntries { get; set; }

    /// <summary>The entry of a key, or null.</summary>
    public HelmEntry? Entry(string key) => Entries.TryGetValue(key, out var entry) ? entry : null;

    /// <summary>
    /// The map under <paramref name="key"/>: an empty map the chart defaults to when the key is absent and
    /// this map is fully known; null when it is not a map or not knowable.
    /// </summary>
    public HelmMap? Child(string key)
    {
        if (Entries.TryGetValue(key, out var entry))
        {
            return entry.Value as HelmMap;
        }

        return HasUnknownEntries ? null : new HelmMap(null);
    }

    /// <summary>The constant of a scalar entry, or false when absent or not constant.</summary>
    public bool TryGetScalar(string key, out object? value, out HelmEntry? entry)
    {
        entry = Entry(key);
        if (entry?.Value is HelmScalar scalar)
        {
            value = scalar.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>True when the key is certainly absent.</summary>
    public bool IsAbsent(string key) => !HasUnknownEntries && !Entries.ContainsKey(key);
}

/// <summary>One key of a map and where it is set.</summary>
internal sealed class HelmEntry
{
    public HelmEntry(string key, IOperation node, HelmNode value)
    {
        Key = key;
        Node = node;
        Value = value;
    }

    public string Key { get; }

    /// <summary>The indexer assignment or Add call that sets the key.</summary>
    public IOperation Node { get; }

    public HelmNode Value { get; }
}

/// <summary>A list.</summary>
internal sealed class HelmList : HelmNode
{
    public HelmList(IOperation operation)
        : base(operation)
    {
    }

    public List<HelmNode> Items { get; } = new();

    /// <summary>Some items could not be read (added by a call the analyzer does not follow).</summary>
    public bool HasUnknownItems { get; set; }
}

/// <summary>A constant.</summary>
internal sealed class HelmScalar : HelmNode
{
    public HelmScalar(IOperation operation, object? value)
        : base(operation) => Value = value;

    public object? Value { get; }
}

/// <summary>A value the analyzer cannot know.</summary>
internal sealed class HelmUnknown : HelmNode
{
    public HelmUnknown(IOperation? operation)
        : base(operation)
    {
    }
}
