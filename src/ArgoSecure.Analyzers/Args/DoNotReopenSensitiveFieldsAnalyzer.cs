using System;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0015: a security-sensitive workflow field in <c>ArgoControllerArgs.UserOverrideAllowlist</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotReopenSensitiveFieldsAnalyzer : CollectionElementAnalyzer
{
    /// <summary>The fields a template submitter must never override; a test proves it equals the validator's list.</summary>
    internal static readonly string[] SensitiveOverrideFields =
    {
        "podSpecPatch", "volumes", "securityContext", "serviceAccountName", "automountServiceAccountToken",
        "executor", "hostNetwork", "podMetadata", "templates", "templateDefaults", "volumeClaimTemplates",
        "podPriorityClassName", "dnsConfig", "hostAliases", "artifactRepositoryRef",
    };

    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.UserOverrideAllowlistReopensFields,
        ArgoDescriptors.Title(RuleCatalog.UserOverrideAllowlistReopensFields),
        ArgoDescriptors.Message(RuleCatalog.UserOverrideAllowlistReopensFields),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.UserOverrideAllowlistReopensFields),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.UserOverrideAllowlistReopensFields + ".md");

    private protected override DiagnosticDescriptor Rule => Descriptor;

    private protected override string? Replacement => ArgoDescriptors.RemoveAssignment;

    private protected override IPropertySymbol? GetProperty(ArgoSymbols symbols) => ArgoSymbols.Property(symbols.ArgoControllerArgs, "UserOverrideAllowlist");

    private protected override bool IsInsecure(object? value, ArgoSymbols symbols) =>
        value is string field && Array.IndexOf(SensitiveOverrideFields, field.Trim()) >= 0;
}
