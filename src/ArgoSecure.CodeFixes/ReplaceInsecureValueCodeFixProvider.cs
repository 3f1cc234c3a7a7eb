using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ArgoSecure.CodeFixes;

/// <summary>
/// Writes the hardened value the analyzer named in the diagnostic (property <c>ArgoReplacement</c>):
/// <c>expr:&lt;C#&gt;</c>, <c>member:&lt;type&gt;:&lt;member&gt;</c>, or <c>remove</c> (drop the assignment or the list element
/// so the hardened default applies). Diagnostics without a replacement get no fix.
/// </summary>
public abstract class ReplaceInsecureValueCodeFixProvider : CodeFixProvider
{
    private const string ReplacementKey = "ArgoReplacement";

    private protected ReplaceInsecureValueCodeFixProvider()
    {
    }

    /// <summary>The title of the code action.</summary>
    private protected abstract string Title { get; }

    /// <summary>The equivalence key of the code action (Fix All groups by it).</summary>
    private protected abstract string Key { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ReplacementKey, out var replacement) || replacement is null)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Target(node, replacement) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic, replacement, ct), Key),
                diagnostic);
        }
    }

    private static SyntaxNode? Target(SyntaxNode node, string replacement)
    {
        if (replacement == "remove")
        {
            return node switch
            {
                AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } => node,
                AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } => statement,
                ExpressionSyntax { Parent: ExpressionElementSyntax element } => element,
                ExpressionSyntax { Parent: InitializerExpressionSyntax } => node,
                ExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } } } } => statement,
                _ => null,
            };
        }

        return node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Right,
            InitializerExpressionSyntax { Expressions.Count: 2 } pair when node.IsKind(SyntaxKind.ComplexElementInitializerExpression) => pair.Expressions[1],
            ExpressionSyntax expression => expression,
            _ => null,
        };
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = Target(node, replacement);
        if (target is null)
        {
            return document;
        }

        if (replacement == "remove")
        {
            // A statement on its own line goes with its line; one that shares a line keeps the line break.
            var options = SyntaxRemoveOptions.KeepNoTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives;
            if (target is StatementSyntax && !StartsLine(target))
            {
                options |= SyntaxRemoveOptions.KeepEndOfLine;
            }

            else if (target is not StatementSyntax && target.GetLastToken().GetNextToken() is var next &&
                     (next.IsKind(SyntaxKind.CloseBraceToken) || next.IsKind(SyntaxKind.CloseBracketToken)) &&
                     target.GetFirstToken().GetPreviousToken().IsKind(SyntaxKind.CommaToken))
            {
                // The last of several elements: keep the space before the closing brace.
                options = SyntaxRemoveOptions.KeepTrailingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives;
            }

            editor.RemoveNode(target, options);
            return editor.GetChangedDocument();
        }

        var old = (ExpressionSyntax)target;
        ExpressionSyntax? created = null;
        if (replacement.StartsWith("expr:", System.StringComparison.Ordinal))
        {
            created = SyntaxFactory.ParseExpression(replacement.Substring("expr:".Length));
        }
        else if (replacement.StartsWith("member:", System.StringComparison.Ordinal))
        {
            var parts = replacement.Substring("member:".Length).Split(':');
            var type = parts.Length == 2 ? editor.SemanticModel.Compilation.GetTypeByMetadataName(parts[0]) : null;
            if (type is null)
            {
                return document;
            }

            // Keep the user's spelling of the type when the old value is Type.Member of that type.
            if (old is MemberAccessExpressionSyntax access &&
                editor.SemanticModel.GetSymbolInfo(access, cancellationToken).Symbol is IFieldSymbol field &&
                SymbolEqualityComparer.Default.Equals(field.ContainingType, type))
            {
                created = access.WithName(SyntaxFactory.IdentifierName(parts[1]));
            }
            else
            {
                created = ((ExpressionSyntax)editor.Generator.MemberAccessExpression(editor.Generator.TypeExpression(type), parts[1]))
                    .WithAdditionalAnnotations(Simplifier.Annotation);
            }
        }

        if (created is null)
        {
            return document;
        }

        editor.ReplaceNode(old, created.WithTriviaFrom(old));
        return editor.GetChangedDocument();
    }

    private static bool StartsLine(SyntaxNode node)
    {
        var previous = node.GetFirstToken().GetPreviousToken();
        foreach (var trivia in previous.TrailingTrivia)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }
        }

        return previous.IsKind(SyntaxKind.None);
    }
}
