using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.NoWorkflowRestrictions"/>: Use TemplateReferencing.Secure.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RestrictWorkflowsToTemplatesCodeFixProvider)), Shared]
public sealed class RestrictWorkflowsToTemplatesCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0010_SecureTemplateReferencing";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.NoWorkflowRestrictions);

    private protected override string Title => "Use TemplateReferencing.Secure";

    private protected override string Key => EquivalenceKey;
}
