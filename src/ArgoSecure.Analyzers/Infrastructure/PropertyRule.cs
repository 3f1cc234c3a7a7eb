using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// The shape of most ARGO rules (NetAnalyzers' CA5365): a constant that turns off a hardened default,
/// assigned to a property of an ArgoSecure Args type, in an object initializer or a plain assignment.
/// A value that is not a compile-time constant is not reported. <see cref="ArgsHardenedValuesAnalyzer"/>
/// runs every such rule for each write it reads (see <see cref="WriteSites"/>).
/// </summary>
internal abstract class PropertyRule
{
    /// <summary>The rule's descriptor.</summary>
    public abstract DiagnosticDescriptor Rule { get; }

    /// <summary>Adds the properties and insecure values this rule looks for.</summary>
    public abstract void AddChecks(ArgoSymbols symbols, List<PropertyCheck> checks);

    /// <summary>True when the surrounding initializer makes the value harmless (for example metrics turned off).</summary>
    public virtual bool IsHarmlessInContext(ISimpleAssignmentOperation assignment, ArgoSymbols symbols) => false;

    /// <summary>Reports the assignment when its constant is insecure.</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Analyze(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, PropertyCheck check, ArgoSymbols symbols)
    {
        if (!assignment.Value.TryGetConstant(out var value) || !check.IsInsecure(value) || IsHarmlessInContext(assignment, symbols))
        {
            return;
        }

        context.ReportDiagnostic(AcceptedRisks.Create(Rule, assignment, assignment.Syntax.GetLocation(), ArgoDescriptors.Replace(check.Replacement), check.DisplayName));
    }
}

/// <summary>One property and the constants that make it insecure.</summary>
internal sealed class PropertyCheck
{
    public PropertyCheck(INamedTypeSymbol? type, string propertyName, Func<object?, bool> isInsecure, string? replacement)
    {
        Property = ArgoSymbols.Property(type, propertyName);
        DisplayName = (type?.Name ?? "?") + "." + propertyName;
        IsInsecure = isInsecure;
        Replacement = replacement;
    }

    public IPropertySymbol? Property { get; }

    public string DisplayName { get; }

    public Func<object?, bool> IsInsecure { get; }

    /// <summary>What the code fix writes instead (see <see cref="Replacements"/>), or null for no fix.</summary>
    public string? Replacement { get; }
}

/// <summary>How an analyzer tells the code fix what to write.</summary>
internal static class Replacements
{
    /// <summary>A C# expression, for example <c>expr:true</c>.</summary>
    public const string True = "expr:true";
    public const string False = "expr:false";

    public static string Expression(string csharp) => "expr:" + csharp;

    /// <summary>A static member, for example <c>member:ArgoSecure.AuthMode:Client</c>.</summary>
    public static string Member(string typeMetadataName, string member) => "member:" + typeMetadataName + ":" + member;

    public static bool IsFalse(object? value) => value is false;

    public static bool IsTrue(object? value) => value is true;
}
