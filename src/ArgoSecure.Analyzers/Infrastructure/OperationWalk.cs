using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Every operation of a tree, for <c>foreach</c> without allocating (<see cref="OperationExtensions.SelfAndDescendants"/>),
/// or the members of an object initializer (<see cref="MembersOf"/>).
/// The analyzers walk code blocks from callbacks that run for most operations of a build; an iterator and a growing
/// stack per walk made the garbage collector run more often, and ReportAnalyzer charges its pauses to the callbacks
/// running at the time. Each thread keeps one stack for the next walk. Order: a node, then each of its children with all
/// below it, first child first: the code's order (Roslyn's evaluation order), so a later write in the code comes later.
/// </summary>
internal readonly struct OperationWalk
{
    private readonly IOperation _root;
    private readonly bool _initializerMembers;

    public OperationWalk(IOperation root)
        : this(root, initializerMembers: false)
    {
    }

    private OperationWalk(IOperation root, bool initializerMembers)
    {
        _root = root;
        _initializerMembers = initializerMembers;
    }

    /// <summary>
    /// The assignments and member initializers of an initializer, those of its nested member initializers included
    /// (<c>Tls = { Enabled = false }</c>), in the code's order, without the initializer itself. The values are not
    /// entered: an object created there has a callback of its own.
    /// </summary>
    public static OperationWalk MembersOf(IObjectOrCollectionInitializerOperation initializer) => new(initializer, initializerMembers: true);

    public Enumerator GetEnumerator() => new(_root, _initializerMembers);

    /// <summary>The walk's state; give the stack back with <see cref="Dispose"/> (<c>foreach</c> does).</summary>
    internal struct Enumerator : IDisposable
    {
        [ThreadStatic]
        private static Stack<IOperation>? spare;

        private readonly bool _initializerMembers;
        private Stack<IOperation>? _stack;

        [MethodImpl(HotPath.Optimized)]
        public Enumerator(IOperation root, bool initializerMembers)
        {
            _stack = spare ?? new Stack<IOperation>(64);
            spare = null;
            _initializerMembers = initializerMembers;
            if (initializerMembers)
            {
                PushMembers(_stack, (IObjectOrCollectionInitializerOperation)root);
            }
            else
            {
                _stack.Push(root);
            }

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
            if (!_initializerMembers)
            {
                foreach (var child in Current.ChildOperations.Reverse())
                {
                    _stack.Push(child);
                }
            }
            else if (Current is IMemberInitializerOperation member)
            {
                PushMembers(_stack, member.Initializer);
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

        [MethodImpl(HotPath.Optimized)]
        private static void PushMembers(Stack<IOperation> stack, IObjectOrCollectionInitializerOperation initializer)
        {
            // Last first, so that they come out in the code's order; a collection initializer's elements are calls, not members.
            var members = initializer.Initializers;
            for (var i = members.Length - 1; i >= 0; i--)
            {
                if (members[i] is ISimpleAssignmentOperation or IMemberInitializerOperation)
                {
                    stack.Push(members[i]);
                }
            }
        }
    }
}
