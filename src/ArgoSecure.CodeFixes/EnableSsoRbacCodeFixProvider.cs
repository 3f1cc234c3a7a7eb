using System.Collections.Immutable;
using System.Composition;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ArgoSecure.CodeFixes;

/// <summary>Fixes <see cref="RuleCatalog.SsoWithoutRbac"/>: Turn SSO RBAC on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableSsoRbacCodeFixProvider)), Shared]
public sealed class EnableSsoRbacCodeFixProvider : ReplaceInsecureValueCodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0005_EnableSsoRbac";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.SsoWithoutRbac);

    private protected override string Title => "Turn SSO RBAC on";

    private protected override string Key => EquivalenceKey;
}
