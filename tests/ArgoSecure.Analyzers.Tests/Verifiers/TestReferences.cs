using System.Collections.Immutable;
using ArgoSecure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Verifiers;

/// <summary>
/// Offline, deterministic references for the test compilations: the running runtime's own assemblies
/// (no reference pack is downloaded at test time), plus the built ArgoSecure.dll.
/// </summary>
internal static class TestReferences
{
    /// <summary>Resolves no package: every reference is added explicitly.</summary>
    public static readonly ReferenceAssemblies None = new("net-runtime");

    /// <summary>The framework assemblies of the running runtime (trusted platform assemblies in its directory).</summary>
    public static readonly ImmutableArray<MetadataReference> Runtime = LoadRuntime();

    /// <summary>The built ArgoSecure core, as a package user references it.</summary>
    public static readonly MetadataReference ArgoSecure = MetadataReference.CreateFromFile(typeof(ArgoWorkflowsArgs).Assembly.Location);

    private static ImmutableArray<MetadataReference> LoadRuntime()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return tpa
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll" or "Microsoft.Win32.Primitives.dll"))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
