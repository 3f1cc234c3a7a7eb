using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.WorkflowPodsMayRunAsRoot"/>: Run workflow pods as non-root.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RunWorkflowPodsAsNonRootCodeFixProvider)), Shared]
public sealed class RunWorkflowPodsAsNonRootCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0007_RunAsNonRoot";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.WorkflowPodsMayRunAsRoot);

    private protected override string Title => "Run workflow pods as non-root";

    private protected override string Key => EquivalenceKey;
}
