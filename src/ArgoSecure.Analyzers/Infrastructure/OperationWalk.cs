using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Every operation of a tree, for <c>foreach</c> without allocating (<see cref="OperationExtensions.SelfAndDescendants"/>).
/// The analyzers walk code blocks from callbacks that run for most operations of a build; an iterator and a growing
/// stack per walk made the garbage collector run more often, and ReportAnalyzer charges its pauses to the callbacks
/// running at the time. Each thread keeps one stack for the next walk. Order: a node, then each of its children with all
/// below it, first child first: the code's order (Roslyn's evaluation order), so a later write in the code comes later.
/// </summary>
internal readonly struct OperationWalk
{
    private readonly IOperation _root;

    public OperationWalk(IOperation root) => _root = root;

    public Enumerator GetEnumerator() => new(_root);

    /// <summary>The walk's state; give the stack back with <see cref="Dispose"/> (<c>foreach</c> does).</summary>
    internal struct Enumerator : IDisposable
    {
        [ThreadStatic]
        private static Stack<IOperation>? spare;

        private Stack<IOperation>? _stack;

        [MethodImpl(HotPath.Optimized)]
        public Enumerator(IOperation root)
        {
            _stack = spare ?? new Stack<IOperation>(64);
            spare = null;
            _stack.Push(root);
            Current = root;
        }

        public IOperation Current { get; private set; }

        [MethodImpl(HotPath.Optimized)]
        public bool MoveNext()
        {
            if (_stack is null || _stack.Count == 0)
            {
                return false;
            }

            Current = _stack.Pop();
            foreach (var child in Current.ChildOperations.Reverse())
            {
                _stack.Push(child);
            }

            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        public void Dispose()
        {
            if (_stack is not null)
            {
                _stack.Clear();
                spare = _stack;
                _stack = null;
            }
        }
    }
}
