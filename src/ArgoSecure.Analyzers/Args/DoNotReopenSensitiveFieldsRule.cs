using System;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0015: a security-sensitive workflow field in <c>ArgoControllerArgs.UserOverrideAllowlist</c>.</summary>
internal sealed class DoNotReopenSensitiveFieldsRule : CollectionElementRule
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

    public override DiagnosticDescriptor Rule => Descriptor;

    public override string? Replacement => ArgoDescriptors.RemoveAssignment;

    public override IPropertySymbol? GetProperty(ArgoSymbols symbols) => ArgoSymbols.Property(symbols.ArgoControllerArgs, "UserOverrideAllowlist");

    public override bool IsInsecure(object? value) =>
        value is string field && Array.IndexOf(SensitiveOverrideFields, field.Trim()) >= 0;
}
