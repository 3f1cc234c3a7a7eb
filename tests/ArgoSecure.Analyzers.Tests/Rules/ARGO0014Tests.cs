using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0014")]
public sealed class ARGO0014VerifyDatabaseTlsTests : PropertyRuleTests<VerifyDatabaseTlsCodeFixProvider>
{
    protected override string RuleId => "ARGO0014";
    protected override string TypeName => "PersistenceArgs";
    protected override string Property => "TlsMode";
    protected override string ValueType => "DatabaseTlsMode";
    protected override string Insecure => "DatabaseTlsMode.Require";
    protected override string Secure => "DatabaseTlsMode.VerifyFull";
    protected override string? Fixed => "DatabaseTlsMode.VerifyFull";
    protected override string? EquivalenceKey => VerifyDatabaseTlsCodeFixProvider.EquivalenceKey;
    protected override string LookalikeDeclarations => "public enum DatabaseTlsMode { Disable, Require, VerifyCa, VerifyFull } public class PersistenceArgs { public DatabaseTlsMode TlsMode { get; set; } }";
}

[Trait("Rule", "ARGO0014")]
public sealed class ARGO0014DisabledDatabaseTlsTests : PropertyRuleTests<VerifyDatabaseTlsCodeFixProvider>
{
    protected override string RuleId => "ARGO0014";
    protected override string TypeName => "PersistenceArgs";
    protected override string Property => "TlsMode";
    protected override string ValueType => "DatabaseTlsMode";
    protected override string Insecure => "DatabaseTlsMode.Disable";
    protected override string Secure => "DatabaseTlsMode.VerifyCa";
    protected override string? Fixed => "DatabaseTlsMode.VerifyFull";
    protected override string? EquivalenceKey => VerifyDatabaseTlsCodeFixProvider.EquivalenceKey;
    protected override string LookalikeDeclarations => "public enum DatabaseTlsMode { Disable, Require, VerifyCa, VerifyFull } public class PersistenceArgs { public DatabaseTlsMode TlsMode { get; set; } }";
}
