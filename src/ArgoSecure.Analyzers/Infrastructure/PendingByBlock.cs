using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// What operation actions gather about a code block, held until that block's operation block action: the driver runs
/// a block's operation actions before its block actions, so the block is read as its operations are handed out,
/// never walked again, and let go at its end.
/// <para>
/// The driver analyzes many blocks at once, and every block's end asks: the table takes no lock (one lock for all
/// blocks was the most contended spot of the analyzers in a sampled profile), each block's state is locked on its
/// own, and the count spares the ends of blocks that hold nothing even the table lookup.
/// </para>
/// </summary>
internal sealed class PendingByBlock<T>
    where T : class
{
    private readonly ConcurrentDictionary<IOperation, T> _byRoot = new();
    private readonly Func<T> _create;
    private int _count;

    public PendingByBlock(Func<T> create) => _create = create;

    /// <summary>What is held for blocks whose end has not run (read after the last block).</summary>
    public IEnumerable<T> Remaining => _byRoot.Values;

    /// <summary>Changes what is held for the block of <paramref name="operation"/>, created on first use.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Update<TArg>(IOperation operation, TArg arg, Action<T, TArg> update)
    {
        var root = operation.Root();
        if (!_byRoot.TryGetValue(root, out var held))
        {
            var created = _create();
            held = _byRoot.GetOrAdd(root, created);
            if (ReferenceEquals(held, created))
            {
                Interlocked.Increment(ref _count);
            }
        }

        lock (held)
        {
            update(held, arg);
        }
    }

    /// <summary>Takes what is held for the blocks that end (an operation block action's <c>OperationBlocks</c>).</summary>
    [MethodImpl(HotPath.Optimized)]
    public List<T>? TakeEnded(ImmutableArray<IOperation> blocks)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        List<T>? taken = null;
        foreach (var block in blocks)
        {
            if (_byRoot.TryRemove(block.Root(), out var held))
            {
                Interlocked.Decrement(ref _count);

                // The lock orders this read after the block's last update.
                lock (held)
                {
                    (taken ??= new List<T>()).Add(held);
                }
            }
        }

        return taken;
    }
}
