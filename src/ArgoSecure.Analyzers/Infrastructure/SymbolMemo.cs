using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// What a symbol is to a rule, computed once per symbol object of the compilation and then found by reference.
/// <para>
/// Roslyn hands out one object per symbol definition, so a reference lookup finds the answer the exact lookup
/// (<see cref="SymbolEqualityComparer"/>) gave the first time. Not so for the type of an operation, which is a new
/// object per nullable annotation: key types by their <see cref="ITypeSymbol.OriginalDefinition"/>. The exact lookup runs the
/// compiler's symbol hashing and equality on every call: in a CPU profile of the analyzer benchmark it was about a
/// tenth of the analyzers' time. Two symbol objects that are equal get an entry each, with the same answer.
/// </para>
/// </summary>
internal sealed class SymbolMemo<TSymbol, TValue>
    where TSymbol : class, ISymbol
    where TValue : class
{
    private readonly ConcurrentDictionary<TSymbol, TValue?> _bySymbolObject = new(SymbolReferenceComparer.Instance);
    private readonly Func<TSymbol, TValue?> _compute;

    public SymbolMemo(Func<TSymbol, TValue?> compute) => _compute = compute;

    /// <summary>The answer for <paramref name="symbol"/>: null where the exact lookup has none.</summary>
    [MethodImpl(HotPath.Optimized)]
    public TValue? Get(TSymbol symbol) =>
        _bySymbolObject.TryGetValue(symbol, out var value) ? value : _bySymbolObject.GetOrAdd(symbol, _compute);
}

/// <summary>Symbols compared as objects (see <see cref="SymbolMemo{TSymbol, TValue}"/>).</summary>
internal sealed class SymbolReferenceComparer : IEqualityComparer<ISymbol>
{
    public static readonly SymbolReferenceComparer Instance = new();

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
