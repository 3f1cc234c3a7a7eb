using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.WorkflowDefaultServiceAccount"/>: Use the dedicated workflow service account.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDedicatedServiceAccountCodeFixProvider)), Shared]
public sealed class UseDedicatedServiceAccountCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0009_DedicatedServiceAccount";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.WorkflowDefaultServiceAccount);

    private protected override string Title => "Use the dedicated workflow service account";

    private protected override string Key => EquivalenceKey;
}
