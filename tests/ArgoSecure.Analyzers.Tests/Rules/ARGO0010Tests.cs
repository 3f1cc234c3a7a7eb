using ArgoSecure.CodeFixes;
using Microsoft.CodeAnalysis.Testing;

namespace ArgoSecure.Analyzers.Tests.Rules;

[Trait("Rule", "ARGO0010")]
public sealed class ARGO0010RestrictWorkflowsToTemplatesTests : PropertyRuleTests<RestrictWorkflowsToTemplatesCodeFixProvider>
{
    protected override string RuleId => "ARGO0010";
    protected override string TypeName => "ArgoControllerArgs";
    protected override string Property => "TemplateReferencing";
    protected override string ValueType => "TemplateReferencing";
    protected override string Insecure => "TemplateReferencing.None";
    protected override string Secure => "TemplateReferencing.Strict";
    protected override string? Fixed => "TemplateReferencing.Secure";
    protected override string? EquivalenceKey => RestrictWorkflowsToTemplatesCodeFixProvider.EquivalenceKey;
    protected override string LookalikeDeclarations => "public enum TemplateReferencing { None, Strict, Secure } public class ArgoControllerArgs { public TemplateReferencing TemplateReferencing { get; set; } }";
}
