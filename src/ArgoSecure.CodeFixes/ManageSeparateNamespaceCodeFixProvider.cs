using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ArgoSecure.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ArgoSecure.CodeFixes;

/// <summary>
/// Fixes <see cref="RuleCatalog.ManagedNamespaceIsControllerNamespace"/>: the namespace install manages a namespace
/// of its own, named after the controller's (<c>argo</c> → <c>argo-workflows</c>; <c>Ns</c> → <c>Ns + "-workflows"</c>).
/// The name is a placeholder: the code action's preview asks the user to confirm it. Every fix of one solution
/// derives the same name from the same namespace, so Fix All keeps a controller and its server in step.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ManageSeparateNamespaceCodeFixProvider)), Shared]
public sealed class ManageSeparateNamespaceCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string EquivalenceKey = "ARGO0001_ManageSeparateNamespace";

    /// <summary>What the managed namespace's name gets after the controller's.</summary>
    public const string Suffix = "-workflows";

    // A namespace name is a DNS label: at most 63 characters.
    private const int MaxNamespaceLength = 63;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.ManagedNamespaceIsControllerNamespace);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var edits = Edits(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, context.CancellationToken);
            if (edits.IsEmpty)
            {
                continue;
            }

            var name = Derive(edits[0].Value);
            context.RegisterCodeFix(
                CodeAction.Create($"Manage a separate namespace, '{name}' (check the name)", ct => ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The managed namespace named after <paramref name="controllerNamespace"/>, cut to a DNS label's length.</summary>
    public static string Derive(string controllerNamespace)
    {
        var stem = controllerNamespace.Length + Suffix.Length > MaxNamespaceLength
            ? controllerNamespace.Substring(0, MaxNamespaceLength - Suffix.Length).TrimEnd('-')
            : controllerNamespace;
        return stem + Suffix;
    }

    // The expressions that name the managed namespace, with their value: the argument of InstallScope.Namespaced(…)
    // (ArgoControllerArgs, ArgoServerArgs), or for a lone WorkflowNamespaceArgs its Name and the Namespaced(…)
    // argument of the same initializer, which must agree. Empty when no safe edit exists.
    private static ImmutableArray<(ExpressionSyntax Expression, string Value)> Edits(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is InvocationExpressionSyntax invocation)
        {
            return NamespacedArgument(invocation, model, cancellationToken) is { } managed
                ? ImmutableArray.Create(managed)
                : ImmutableArray<(ExpressionSyntax, string)>.Empty;
        }

        if (node is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } name ||
            model.GetConstantValue(name.Right, cancellationToken) is not { HasValue: true, Value: string workflowNamespace })
        {
            return ImmutableArray<(ExpressionSyntax, string)>.Empty;
        }

        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Scope" }, Right: InvocationExpressionSyntax scope } &&
                NamespacedArgument(scope, model, cancellationToken) is { } managed &&
                managed.Value == workflowNamespace)
            {
                return ImmutableArray.Create((name.Right, workflowNamespace), managed);
            }
        }

        return ImmutableArray<(ExpressionSyntax, string)>.Empty;
    }

    private static (ExpressionSyntax Expression, string Value)? NamespacedArgument(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.ArgumentList.Arguments.Count == 1 &&
        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "Namespaced", ContainingType: { Name: "InstallScope", ContainingNamespace.Name: "ArgoSecure" } } &&
        model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: string value }
            ? (invocation.ArgumentList.Arguments[0].Expression, value)
            : null;

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        foreach (var (expression, value) in Edits(node, editor.SemanticModel, cancellationToken))
        {
            var name = Derive(value);
            ExpressionSyntax replacement = expression is LiteralExpressionSyntax || name.Length < value.Length + Suffix.Length
                ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))
                : SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, Operand(expression), SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Suffix)));
            editor.ReplaceNode(expression, replacement.WithTriviaFrom(expression).WithAdditionalAnnotations(
                WarningAnnotation.Create($"Check the name: the install will manage '{name}' (the component creates it) and run its workflows there; grant your users there.")));
        }

        return editor.GetChangedDocument();
    }

    // Keeps a constant's name (Ns + "-workflows") so that the managed namespace follows it.
    private static ExpressionSyntax Operand(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
}
