using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// The property values of an object initializer (<see cref="OperationExtensions.PropertyValues"/>), for <c>foreach</c>
/// without allocating: read for every Args and Pulumi object the analyzers meet.
/// </summary>
internal readonly struct PropertyValueList
{
    private readonly ImmutableArray<IOperation> _initializers;

    public PropertyValueList(IObjectOrCollectionInitializerOperation? initializer) =>
        _initializers = initializer?.Initializers ?? ImmutableArray<IOperation>.Empty;

    public Enumerator GetEnumerator() => new(_initializers);

    /// <summary>Walks the initializers, skipping those that set no property.</summary>
    internal struct Enumerator
    {
        private readonly ImmutableArray<IOperation> _initializers;
        private int _index;

        public Enumerator(ImmutableArray<IOperation> initializers)
        {
            _initializers = initializers;
            _index = -1;
            Current = default;
        }

        public (IPropertySymbol Property, IOperation Value, IOperation Node) Current { get; private set; }

        [MethodImpl(HotPath.Optimized)]
        public bool MoveNext()
        {
            while (++_index < _initializers.Length)
            {
                switch (_initializers[_index])
                {
                    case ISimpleAssignmentOperation assignment when assignment.AssignedProperty() is { } property:
                        Current = (property, assignment.Value, assignment);
                        return true;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation reference } member:
                        Current = (reference.Property, member.Initializer, member);
                        return true;
                }
            }

            return false;
        }
    }
}
