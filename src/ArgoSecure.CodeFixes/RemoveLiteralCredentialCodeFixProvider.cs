using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.LiteralCredential"/>: Remove the literal (create the Secret elsewhere).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveLiteralCredentialCodeFixProvider)), Shared]
public sealed class RemoveLiteralCredentialCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0016_RemoveLiteral";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.LiteralCredential);

    private protected override string Title => "Remove the literal (create the Secret elsewhere)";

    private protected override string Key => EquivalenceKey;
}
