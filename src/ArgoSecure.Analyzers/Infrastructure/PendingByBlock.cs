using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// What operation actions gather about a code block, held until that block's operation block action: the driver runs
/// a block's operation actions before its block actions, so the block is read as its operations are handed out,
/// never walked again, and let go at its end. Few blocks hold anything, so one lock will do; the count spares every
/// other block's end the lock.
/// </summary>
internal sealed class PendingByBlock<T>
    where T : class, new()
{
    private readonly Dictionary<IOperation, T> _byRoot = new();
    private int _count;

    /// <summary>What is held for blocks whose end has not run (read after the last block).</summary>
    public IEnumerable<T> Remaining => _byRoot.Values;

    /// <summary>Changes what is held for the block of <paramref name="operation"/>, created on first use.</summary>
    public void Update<TArg>(IOperation operation, TArg arg, Action<T, TArg> update)
    {
        var root = operation.Root();
        lock (_byRoot)
        {
            if (!_byRoot.TryGetValue(root, out var held))
            {
                _byRoot.Add(root, held = new T());
                _count++;
            }

            update(held, arg);
        }
    }

    /// <summary>Takes what is held for the blocks that end (an operation block action's <c>OperationBlocks</c>).</summary>
    public List<T>? TakeEnded(ImmutableArray<IOperation> blocks)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        List<T>? taken = null;
        lock (_byRoot)
        {
            foreach (var block in blocks)
            {
                var root = block.Root();
                if (_byRoot.TryGetValue(root, out var held))
                {
                    _byRoot.Remove(root);
                    _count--;
                    (taken ??= new List<T>()).Add(held);
                }
            }
        }

        return taken;
    }
}
