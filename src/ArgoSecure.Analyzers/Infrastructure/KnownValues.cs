using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ArgoSecure.Analyzers;

/// <summary>
/// Strings a program always has, read without running it: compile-time constants, and <c>readonly</c> fields
/// initialized with one that no constructor assigns (<c>static readonly string Ns = "platform";</c>).
/// </summary>
internal static class KnownValues
{
    /// <summary>The string <paramref name="operation"/> always has, or null when it is not knowable here.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static string? KnownString(this IOperation? operation)
    {
        if (operation.ConstantString() is { } constant)
        {
            return constant;
        }

        return operation?.WithoutConversions() is IFieldReferenceOperation { Field: { IsReadOnly: true, Type.SpecialType: SpecialType.System_String } field } reference
            ? ReadonlyFieldValue(field, reference.SemanticModel)
            : null;
    }

    private static string? ReadonlyFieldValue(IFieldSymbol field, SemanticModel? model)
    {
        if (field.DeclaringSyntaxReferences.Length != 1 ||
            field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        string? known = null;
        if (value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            known = literal.Token.ValueText;
        }
        else if (model is not null && model.SyntaxTree == value.SyntaxTree && model.GetConstantValue(value) is { HasValue: true, Value: string fromConstant })
        {
            // Another constant (a const field, a concatenation): only with this file's semantic model, so that the
            // answer never needs another file bound.
            known = fromConstant;
        }

        return known is not null && !AssignedInAConstructor(field) ? known : null;
    }

    // A constructor may overwrite a readonly field: then its value is not known from the declaration (syntax only).
    private static bool AssignedInAConstructor(IFieldSymbol field)
    {
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax type)
            {
                continue;
            }

            foreach (var member in type.Members)
            {
                if (member is not ConstructorDeclarationSyntax constructor)
                {
                    continue;
                }

                foreach (var node in constructor.DescendantNodes())
                {
                    var written = node switch
                    {
                        AssignmentExpressionSyntax assignment => assignment.Left,
                        ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
                        _ => null,
                    };
                    var name = written switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name == field.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
