using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// ARGO0003: a Pulumi.Kubernetes <c>ConfigFile</c> or <c>ConfigGroup</c> (Yaml v1 or v2) that applies one of the
/// upstream quick-start manifests, which run argo-server with <c>--auth-mode server</c>.
/// </summary>
internal static class QuickStartManifestRule
{
    /// <summary>True for a path or URL of an upstream quick-start manifest (<c>quick-start-minimal.yaml</c>, <c>manifests/quick-start/…</c>).</summary>
    [MethodImpl(HotPath.Optimized)]
    internal static bool IsQuickStartManifest(string file)
    {
        var f = file.Trim().Replace('\\', '/');
        if (f.IndexOf("manifests/quick-start", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var slash = f.LastIndexOf('/');
        var name = slash >= 0 ? f.Substring(slash + 1) : f;
        return name.StartsWith("quick-start", StringComparison.OrdinalIgnoreCase) &&
            (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
    }

    [MethodImpl(HotPath.Optimized)]
    public static void Analyze(OperationAnalysisContext context, ArgoSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        var isFile = type.IsOrDerives(symbols.YamlConfigFileArgs) || type.IsOrDerives(symbols.YamlV2ConfigFileArgs);
        var isGroup = type.IsOrDerives(symbols.YamlConfigGroupArgs) || type.IsOrDerives(symbols.YamlV2ConfigGroupArgs);
        if (creation.Initializer is null || !(isFile || isGroup))
        {
            return;
        }

        foreach (var (property, value, _) in creation.Initializer.PropertyValues())
        {
            if (isFile && property.Name == "File")
            {
                Check(context, value, type!, ".File");
            }
            else if (isGroup && property.Name == "Files")
            {
                foreach (var element in CollectionElements.Of(value))
                {
                    Check(context, element, type!, ".Files");
                }
            }
        }
    }

    // The message names the property (ConfigFileArgs.File): made only when reported.
    [MethodImpl(HotPath.Optimized)]
    private static void Check(OperationAnalysisContext context, IOperation value, ITypeSymbol type, string property)
    {
        if (value.ConstantString() is { } file && IsQuickStartManifest(file))
        {
            context.ReportDiagnostic(Diagnostic.Create(DoNotUseServerAuthModeRule.Descriptor, value.Syntax.GetLocation(), type.Name + property));
        }
    }
}
