using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// Follows a value back to the literals it is made of: through <c>ToCharArray()</c>, concatenations,
    /// interpolations, locals with an initializer, and <c>const</c> / <c>static readonly</c> fields of this compilation.
    /// </summary>
    internal static class ConstantOriginResolver
    {
        private const int MaximumDepth = 6;

        public static List<ConstantOrigin> Resolve(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            var origins = new List<ConstantOrigin>();
            Resolve(expression, model, origins, isFirstPart: true, depth: 0, cancellationToken);
            return origins;
        }

        private static void Resolve(ExpressionSyntax expression, SemanticModel? model, List<ConstantOrigin> origins, bool isFirstPart, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaximumDepth)
            {
                return;
            }

            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    Resolve(parenthesized.Expression, model, origins, isFirstPart, depth + 1, cancellationToken);
                    break;
                case LiteralExpressionSyntax literal when StringLiteralFacts.TryGetText(literal, out var text):
                    origins.Add(new ConstantOrigin(literal, text, isFirstPart));
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToCharArray" } access, ArgumentList.Arguments.Count: 0 }:
                    Resolve(access.Expression, model, origins, isFirstPart, depth + 1, cancellationToken);
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    Resolve(binary.Left, model, origins, isFirstPart, depth + 1, cancellationToken);
                    Resolve(binary.Right, model, origins, isFirstPart: false, depth + 1, cancellationToken);
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    var first = isFirstPart;
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax part)
                        {
                            origins.Add(new ConstantOrigin(part, part.TextToken.ValueText, first));
                        }
                        else if (content is InterpolationSyntax hole)
                        {
                            Resolve(hole.Expression, model, origins, first, depth + 1, cancellationToken);
                        }

                        first = false;
                    }

                    break;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax when model is not null:
                    ResolveSymbol(model.GetSymbolInfo(expression, cancellationToken).Symbol, expression.SyntaxTree, model, origins, isFirstPart, depth, cancellationToken);
                    break;
            }
        }

        private static void ResolveSymbol(ISymbol? symbol, SyntaxTree currentTree, SemanticModel model, List<ConstantOrigin> origins, bool isFirstPart, int depth, CancellationToken cancellationToken)
        {
            var followable = symbol switch
            {
                ILocalSymbol => true,
                IFieldSymbol field => field.IsConst || (field.IsStatic && field.IsReadOnly),
                _ => false,
            };

            if (!followable)
            {
                return;
            }

            foreach (var reference in symbol!.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                {
                    // Declarations in other files are followed by syntax only: an analyzer must not build semantic models.
                    var initializerModel = initializer.SyntaxTree == currentTree ? model : null;
                    Resolve(initializer, initializerModel, origins, isFirstPart, depth + 1, cancellationToken);
                }
            }
        }
    }
}
