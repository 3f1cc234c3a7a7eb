using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArgoSecure.Analyzers;

/// <summary>ARGO0003: <c>AuthMode.Server</c> in <c>ArgoServerArgs.AuthModes</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DoNotUseServerAuthModeAnalyzer : CollectionElementAnalyzer
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

    private protected override DiagnosticDescriptor Rule => Descriptor;

    private protected override string? Replacement => Replacements.Member("ArgoSecure.AuthMode", "Client");

    private protected override IPropertySymbol? GetProperty(ArgoSymbols symbols) => ArgoSymbols.Property(symbols.ArgoServerArgs, "AuthModes");

    private protected override bool IsInsecure(object? value, ArgoSymbols symbols) => OperationExtensions.ConstantEquals(value, ServerAuthMode);
}
