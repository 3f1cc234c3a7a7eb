using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.WorkflowSpecsNotEnforced"/>: AdmissionGuard = true, WorkflowSpecEnforcement.Deny.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnforceWorkflowSpecsCodeFixProvider)), Shared]
public sealed class EnforceWorkflowSpecsCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0023_EnforceWorkflowSpecs";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.WorkflowSpecsNotEnforced);

    private protected override string Title => "Enforce workflow specs at admission";

    private protected override string Key => EquivalenceKey;
}
