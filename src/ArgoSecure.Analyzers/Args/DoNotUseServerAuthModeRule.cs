using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0003: <c>AuthMode.Server</c> in <c>ArgoServerArgs.AuthModes</c>.</summary>
internal sealed class DoNotUseServerAuthModeRule : CollectionElementRule
{
    private const int ServerAuthMode = 2; // ArgoSecure.AuthMode.Server

    internal static readonly DiagnosticDescriptor Descriptor = new(
        RuleCatalog.ServerAuthMode,
        ArgoDescriptors.Title(RuleCatalog.ServerAuthMode),
        ArgoDescriptors.Message(RuleCatalog.ServerAuthMode),
        RuleCatalog.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.ServerAuthMode),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.ServerAuthMode + ".md");

    public override DiagnosticDescriptor Rule => Descriptor;

    public override string? Replacement => Replacements.Member("ArgoSecure.AuthMode", "Client");

    public override IPropertySymbol? GetProperty(ArgoSymbols symbols) => symbols.ServerAuthModes;

    public override bool IsInsecure(object? value) => OperationExtensions.ConstantEquals(value, ServerAuthMode);
}
