using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0017")]
public sealed class ARGO0017PprofTests : PropertyRuleTests<DisableDebugSurfaceCodeFixProvider>
{
    protected override string RuleId => "ARGO0017";
    protected override string TypeName => "ArgoControllerArgs";
    protected override string Property => "Pprof";
    protected override string ValueType => "bool";
    protected override string Insecure => "true";
    protected override string Secure => "false";
    protected override string? Fixed => "false";
    protected override string? EquivalenceKey => DisableDebugSurfaceCodeFixProvider.EquivalenceKey;
}

[Trait("Rule", "ARGO0017")]
public sealed class ARGO0017CorsWildcardTests : PropertyRuleTests<DisableDebugSurfaceCodeFixProvider>
{
    protected override string RuleId => "ARGO0017";
    protected override string TypeName => "ArgoServerArgs";
    protected override string Property => "AccessControlAllowOrigin";
    protected override string ValueType => "string";
    protected override string Insecure => "\"*\"";
    protected override string Secure => "\"https://argo.example.com\"";
    protected override string? Fixed => null;
    protected override string? EquivalenceKey => DisableDebugSurfaceCodeFixProvider.EquivalenceKey;
}
