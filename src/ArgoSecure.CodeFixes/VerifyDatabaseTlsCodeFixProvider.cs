using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.DatabaseWithoutVerifiedTls"/>: Use DatabaseTlsMode.VerifyFull.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VerifyDatabaseTlsCodeFixProvider)), Shared]
public sealed class VerifyDatabaseTlsCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0014_VerifyFull";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.DatabaseWithoutVerifiedTls);

    private protected override string Title => "Use DatabaseTlsMode.VerifyFull";

    private protected override string Key => EquivalenceKey;
}
