using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.UserOverrideAllowlistReopensFields"/>: Remove the field from the allow-list.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveSensitiveOverrideFieldCodeFixProvider)), Shared]
public sealed class RemoveSensitiveOverrideFieldCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0015_RemoveField";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.UserOverrideAllowlistReopensFields);

    private protected override string Title => "Remove the field from the allow-list";

    private protected override string Key => EquivalenceKey;
}
