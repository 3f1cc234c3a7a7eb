using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0016")]
public sealed class ARGO0016DoNotWriteLiteralCredentialsTests : PropertyRuleTests<RemoveLiteralCredentialCodeFixProvider>
{
    protected override string RuleId => "ARGO0016";
    protected override string TypeName => "SecretKeyReference";
    protected override string Property => "LiteralValue";
    protected override string ValueType => "string";
    protected override string Insecure => "\"s3cr3t\"";
    protected override string Secure => "null";
    protected override string? Fixed => null;
    protected override string? EquivalenceKey => RemoveLiteralCredentialCodeFixProvider.EquivalenceKey;
}
