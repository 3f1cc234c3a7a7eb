using System.Runtime.CompilerServices;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Compiled with full optimization at its first call, for the code that runs for every operation of a build and for
/// the rule code that runs for every Args, Helm or RBAC object the analyzers meet (hundreds of times in a large project).
/// <para>
/// csc JITs the compiler itself all through a build, and tiered compilation waits for a pause in JIT activity before it
/// promotes a method from its quick first compilation: in a CPU profile of one compile of the analyzer benchmark every
/// frame of ours ran quick-jitted, without inlining, until the end. <c>AggressiveOptimization</c> (512, missing from
/// netstandard2.0's enum) compiles such a method once, optimized; .NET Framework hosts ignore the flag. Code that runs
/// once per compilation (the symbol tables) is left to the quick JIT: optimizing it costs more JIT time than it saves.
/// </para>
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
