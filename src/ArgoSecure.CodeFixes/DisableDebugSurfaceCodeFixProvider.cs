using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.DebugSurfaceEnabled"/>: Turn the debug surface off.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisableDebugSurfaceCodeFixProvider)), Shared]
public sealed class DisableDebugSurfaceCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0017_DisableDebugSurface";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.DebugSurfaceEnabled);

    private protected override string Title => "Turn the debug surface off";

    private protected override string Key => EquivalenceKey;
}
