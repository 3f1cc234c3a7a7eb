using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Risks accepted in the Args themselves (<c>AcceptedRisks = { new AcceptedRisk { RuleId = "ARGO0004", Justification = "…" } }</c>):
/// an analyzer that reports a rule on an Args object looks here, and a diagnostic whose rule that object (or the
/// <c>ArgoWorkflowsArgs</c> that composes it) accepts with a constant, non-blank justification carries the
/// justification in <see cref="JustificationKey"/>. <see cref="AcceptedRiskSuppressor"/> suppresses exactly those.
/// Runs only when a diagnostic is about to be reported, so it costs nothing on secure code.
/// </summary>
internal static class AcceptedRisks
{
    /// <summary>The diagnostic property that holds the accepted risk's justification.</summary>
    public const string JustificationKey = "ArgoAcceptedRiskJustification";

    private const string PropertyName = "AcceptedRisks";

    /// <summary>
    /// False for the rules no accepted risk quiets: ARGO0027 is about the acceptance itself, and an unsupported Argo
    /// release (ARGO0026) is an input error that validation refuses whatever the Args accept.
    /// </summary>
    public static bool CanBeAccepted(string ruleId) => ruleId is not (RuleCatalog.UnusableAcceptance or RuleCatalog.UnsupportedRelease);

    /// <summary>
    /// Creates the diagnostic, with the acceptance when there is one. Roslyn lets no <c>DiagnosticSuppressor</c> suppress a
    /// rule that is an error by default (ARGO0001-0003, 0006), so an accepted one of those is created suppressed here, with
    /// the same ID, texts and tags; <see cref="AcceptedRiskSuppressor"/> suppresses the others.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static Diagnostic Create(DiagnosticDescriptor rule, IOperation reportedAt, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        properties ??= ImmutableDictionary<string, string?>.Empty;
        if (!CanBeAccepted(rule.Id) || Find(reportedAt, rule.Id) is not { } justification)
        {
            return Diagnostic.Create(rule, location, properties, messageArgs);
        }

        properties = properties.SetItem(JustificationKey, justification);
        if (rule.DefaultSeverity != DiagnosticSeverity.Error)
        {
            return Diagnostic.Create(rule, location, properties, messageArgs);
        }

        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, rule.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), messageArgs);
        return Diagnostic.Create(
            rule.Id, rule.Category, message, DiagnosticSeverity.Error, rule.DefaultSeverity, rule.IsEnabledByDefault, warningLevel: 0, isSuppressed: true,
            rule.Title, rule.Description, rule.HelpLinkUri, location, additionalLocations: null, rule.CustomTags, properties);
    }

    /// <summary>
    /// The justification with which the Args object that holds <paramref name="reportedAt"/> accepts <paramref name="ruleId"/>:
    /// the object's own <c>AcceptedRisks</c> (initializer, or <c>local.AcceptedRisks.Add(…)</c> in the same body), then
    /// those of each Args initializer around it. Null when none does.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static string? Find(IOperation reportedAt, string ruleId)
    {
        for (IOperation? operation = reportedAt; operation is not null; operation = operation.Parent)
        {
            var found = operation switch
            {
                IObjectCreationOperation creation when HasAcceptedRisks(creation.Type) => OfCreation(creation, ruleId),
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } when !IsInInitializer(operation) => OfReceiver(target.Instance, ruleId),
                IInvocationOperation invocation => OfReceiver(invocation.Instance, ruleId),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsInInitializer(IOperation operation) => operation.Parent is IObjectOrCollectionInitializerOperation;

    // server.Tls.Enabled = false; server.AuthModes.Add(…): every local along the receiver chain made in this body.
    private static string? OfReceiver(IOperation? receiver, string ruleId)
    {
        while (receiver is not null)
        {
            switch (receiver)
            {
                case ILocalReferenceOperation local when HasAcceptedRisks(local.Local.Type):
                    return OperationExtensions.LocalWrites(local, local.Local, out _) is { } creation ? OfCreation(creation, ruleId) : null;
                case IPropertyReferenceOperation property:
                    receiver = property.Instance;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static string? OfCreation(IObjectCreationOperation creation, string ruleId)
    {
        var property = ArgoSymbols.Property(creation.Type as INamedTypeSymbol, PropertyName);
        if (creation.Initializer.ValueOf(property) is { } list && InList(list, ruleId) is { } fromInitializer)
        {
            return fromInitializer;
        }

        if (creation.InitializedLocal() is not { } local)
        {
            return null;
        }

        // local.AcceptedRisks.Add(new AcceptedRisk { … }) or local.AcceptedRisks = … in the same body.
        foreach (var operation in creation.Root().SelfAndDescendants())
        {
            IOperation? value = operation switch
            {
                IInvocationOperation { TargetMethod.Name: "Add" or "AddRange" or "Insert", Instance: IPropertyReferenceOperation { Property.Name: PropertyName, Instance: ILocalReferenceOperation target } } add
                    when SymbolEqualityComparer.Default.Equals(target.Local, local) => add,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: PropertyName, Instance: ILocalReferenceOperation target } } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                _ => null,
            };
            if (value is not null && InList(value, ruleId) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? InList(IOperation list, string ruleId)
    {
        foreach (var operation in list.SelfAndDescendants())
        {
            if (operation is IObjectCreationOperation { Initializer: { } initializer } risk && IsAcceptedRisk(risk.Type) &&
                Read(initializer, out var id, out var justification) && string.Equals(id, ruleId, StringComparison.Ordinal) &&
                IsUsable(justification))
            {
                return justification!.Trim();
            }
        }

        return null;
    }

    /// <summary>The rule ID and justification an <c>AcceptedRisk</c> initializer sets, when it sets a known rule ID.</summary>
    public static bool Read(IObjectOrCollectionInitializerOperation initializer, out string? ruleId, out string? justification)
    {
        ruleId = null;
        justification = null;
        foreach (var (property, value, _) in initializer.PropertyValues())
        {
            switch (property.Name)
            {
                case "RuleId":
                    ruleId = value.KnownString()?.Trim();
                    break;
                case "Justification":
                    justification = value.KnownString();
                    break;
            }
        }

        return ruleId is { Length: > 0 };
    }

    /// <summary>True for a justification the analyzers honor: a string known at compile time with some text.</summary>
    public static bool IsUsable(string? justification) => justification is not null && justification.Trim().Length > 0;

    /// <summary>True for <c>ArgoSecure.AcceptedRisk</c>.</summary>
    public static bool IsAcceptedRisk(ITypeSymbol? type) =>
        type is { Name: "AcceptedRisk", ContainingNamespace: { Name: "ArgoSecure", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool HasAcceptedRisks(ITypeSymbol? type) =>
        type is INamedTypeSymbol { ContainingNamespace: { Name: "ArgoSecure", ContainingNamespace.IsGlobalNamespace: true } } named &&
        ArgoSymbols.Property(named, PropertyName) is not null;
}
