using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.WorkflowTokenAutomounted"/>: Do not mount the token.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DoNotAutomountWorkflowTokenCodeFixProvider)), Shared]
public sealed class DoNotAutomountWorkflowTokenCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0008_NoAutomount";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.WorkflowTokenAutomounted);

    private protected override string Title => "Do not mount the token";

    private protected override string Key => EquivalenceKey;
}
