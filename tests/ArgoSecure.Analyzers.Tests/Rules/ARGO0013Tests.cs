using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0013")]
public sealed class ARGO0013MetricsSecureTests : PropertyRuleTests<ServeMetricsSecurelyCodeFixProvider>
{
    protected override string RuleId => "ARGO0013";
    protected override string TypeName => "MetricsArgs";
    protected override string Property => "Secure";
    protected override string ValueType => "bool";
    protected override string Insecure => "false";
    protected override string Secure => "true";
    protected override string? Fixed => "true";
    protected override string? EquivalenceKey => ServeMetricsSecurelyCodeFixProvider.EquivalenceKey;
}

[Trait("Rule", "ARGO0013")]
public sealed class ARGO0013MetricsScrapeFromAnyNamespaceTests : PropertyRuleTests<ServeMetricsSecurelyCodeFixProvider>
{
    protected override string RuleId => "ARGO0013";
    protected override string TypeName => "MetricsArgs";
    protected override string Property => "ScrapeFromAnyNamespace";
    protected override string ValueType => "bool";
    protected override string Insecure => "true";
    protected override string Secure => "false";
    protected override string? Fixed => "false";
    protected override string? EquivalenceKey => ServeMetricsSecurelyCodeFixProvider.EquivalenceKey;
}
