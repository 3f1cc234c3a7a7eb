using System.Collections.Immutable;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0012: <c>AccessLevel = ServerAccessLevel.ReadWrite</c> in an <c>ArgoServerArgs</c> initializer whose
/// auth modes make the server act for its callers (<c>AuthMode.Server</c>, or <c>AuthMode.Sso</c> with
/// <c>Sso.RbacEnabled = false</c>). With the default auth modes (client only) the access level is not used.
/// </summary>
internal static class DoNotOverPrivilegeServerRule
{
    private const int ReadWrite = 1; // ServerAccessLevel.ReadWrite
    private const int SsoMode = 1; // AuthMode.Sso
    private const int ServerMode = 2; // AuthMode.Server

    internal static readonly DiagnosticDescriptor Rule = new(
        RuleCatalog.ServerOverPrivileged,
        ArgoDescriptors.Title(RuleCatalog.ServerOverPrivileged),
        ArgoDescriptors.Message(RuleCatalog.ServerOverPrivileged),
        RuleCatalog.Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: ArgoDescriptors.Description(RuleCatalog.ServerOverPrivileged),
        helpLinkUri: RuleCatalog.HelpBaseUri + RuleCatalog.ServerOverPrivileged + ".md");

    /// <summary>Reports <c>AccessLevel = ReadWrite</c> in an <c>ArgoServerArgs</c> initializer that makes the server act for callers.</summary>
    public static void Analyze(OperationAnalysisContext context, ArgoSymbols symbols, IObjectOrCollectionInitializerOperation initializer)
    {
        var accessLevel = symbols.ServerAccessLevelProperty;
        IOperation? level = null;
        foreach (var (property, _, node) in initializer.PropertyValues())
        {
            if (property.Is(accessLevel))
            {
                level = node;
            }
        }

        if (level is not ISimpleAssignmentOperation assignment || !assignment.Value.TryGetConstant(out var constant) ||
            !OperationExtensions.ConstantEquals(constant, ReadWrite) ||
            !ActsForCallers(initializer, symbols.ServerAuthModes, symbols.ServerSso, symbols.SsoRbacEnabled))
        {
            return;
        }

        context.ReportDiagnostic(AcceptedRisks.Create(Rule, assignment, assignment.Syntax.GetLocation(),
            ArgoDescriptors.Replace(Replacements.Member("ArgoSecure.ServerAccessLevel", "ReadOnly")), "ArgoServerArgs.AccessLevel"));
    }

    private static bool ActsForCallers(IObjectOrCollectionInitializerOperation initializer, IPropertySymbol? authModes, IPropertySymbol? sso, IPropertySymbol? rbacEnabled)
    {
        var modes = initializer.ValueOf(authModes);
        if (modes is null)
        {
            return false; // Default: client only.
        }

        var hasSso = false;
        foreach (var element in CollectionElements.Of(modes))
        {
            if (!element.TryGetConstant(out var mode))
            {
                continue;
            }

            if (OperationExtensions.ConstantEquals(mode, ServerMode))
            {
                return true;
            }

            hasSso |= OperationExtensions.ConstantEquals(mode, SsoMode);
        }

        return hasSso &&
            initializer.ValueOf(sso).CreationInitializer().ValueOf(rbacEnabled).TryGetConstant(out var rbac) && rbac is false;
    }
}
