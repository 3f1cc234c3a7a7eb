using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Where the analyzers read property writes and list calls: the members of object initializers, from the callback of the
/// operation that owns the initializer, and the top of expression statements (<c>x.P = v;</c>, <c>x.P = y.Q = v;</c>,
/// <c>x?.P = v;</c>, <c>x.List.Add(v);</c>, the body of a <c>void</c> lambda or method written as an expression).
/// <para>
/// Why not a callback per assignment and per call: the driver then calls each analyzer back for every one of them
/// (38,400 assignments and 8,000 calls in the analyzer benchmark, against 6,400 statements, and most assignments sit in
/// initializers the creation callback reads anyway), and ReportAnalyzer charges about a microsecond per callback before
/// any work. What this leaves out: a write nested in another expression (an argument, a returned value, a condition),
/// other than a chain of assignments. The list properties' <c>Add</c>, <c>AddRange</c> and <c>Insert</c> return nothing,
/// so they are always statements.
/// </para>
/// </summary>
internal static class WriteSites
{
    // The operations that own an object initializer besides an object creation, which each analyzer reads in its
    // creation callback.
    private static readonly OperationKind[] OtherInitializerOwners =
    {
        OperationKind.TypeParameterObjectCreation,
        OperationKind.DynamicObjectCreation,
        OperationKind.With,
    };

    /// <summary>
    /// Has <paramref name="read"/> called with the initializer of every <c>new T { … }</c>, dynamic creation and
    /// <c>with</c> (rare: no <see cref="HotPath"/>).
    /// </summary>
    public static void RegisterOtherInitializerOwners(this CompilationStartAnalysisContext start, Action<OperationAnalysisContext, IObjectOrCollectionInitializerOperation> read) =>
        start.RegisterOperationAction(
            context =>
            {
                if (InitializerOf(context.Operation) is { } initializer)
                {
                    read(context, initializer);
                }
            },
            OtherInitializerOwners);

    private static IObjectOrCollectionInitializerOperation? InitializerOf(IOperation owner) => owner switch
    {
        ITypeParameterObjectCreationOperation creation => creation.Initializer,
        IDynamicObjectCreationOperation creation => creation.Initializer,
        IWithOperation with => with.Initializer,
        _ => null,
    };

    /// <summary>What an expression statement does at its top, through null-conditional accesses.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static IOperation Effect(this IExpressionStatementOperation statement)
    {
        var operation = statement.Operation;
        while (operation is IConditionalAccessOperation access)
        {
            operation = access.WhenNotNull;
        }

        return operation;
    }

    /// <summary>The assignment whose value <paramref name="assignment"/> assigns in turn (<c>a.P = b.Q = v</c>), or null.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static ISimpleAssignmentOperation? Chained(this ISimpleAssignmentOperation assignment) =>
        assignment.Value as ISimpleAssignmentOperation;

    /// <summary>The writes and member initializers of an initializer, nested ones included (see <see cref="OperationWalk.MembersOf"/>).</summary>
    public static OperationWalk Members(this IObjectOrCollectionInitializerOperation initializer) => OperationWalk.MembersOf(initializer);
}
