using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// Follows a value back to the literals it is made of: through <c>ToCharArray()</c>, concatenations,
    /// interpolations, both branches of <c>??</c> and <c>?:</c>, locals with an initializer, fields (constant,
    /// read-only or mutable) with an initializer or assigned in a constructor, auto-properties with an initializer, and
    /// parameters with a default value, of this compilation.
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
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    // configuration["InfluxDB:Token"] ?? "fallback-token": the fallback is what runs when nothing is configured.
                    Resolve(coalesce.Left, model, origins, isFirstPart, depth + 1, cancellationToken);
                    Resolve(coalesce.Right, model, origins, isFirstPart, depth + 1, cancellationToken);
                    break;
                case ConditionalExpressionSyntax conditional:
                    Resolve(conditional.WhenTrue, model, origins, isFirstPart, depth + 1, cancellationToken);
                    Resolve(conditional.WhenFalse, model, origins, isFirstPart, depth + 1, cancellationToken);
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
            if (symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol or IParameterSymbol))
            {
                return;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                var initializer = declaration switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
                    PropertyDeclarationSyntax { Initializer.Value: { } value, AccessorList: not null } => value,
                    ParameterSyntax { Default.Value: { } value } => value,
                    _ => null,
                };

                // Declarations in other files are followed by syntax only: an analyzer must not build semantic models.
                if (initializer is not null)
                {
                    Resolve(initializer, initializer.SyntaxTree == currentTree ? model : null, origins, isFirstPart, depth + 1, cancellationToken);
                }

                if (symbol is IFieldSymbol or IPropertySymbol && declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type)
                {
                    foreach (var assigned in ConstructorAssignments(type, symbol.Name))
                    {
                        Resolve(assigned, assigned.SyntaxTree == currentTree ? model : null, origins, isFirstPart, depth + 1, cancellationToken);
                    }
                }
            }
        }

        /// <summary>What the type's constructors assign to a field or property of that name (<c>_token = "…"</c>, <c>this.Token = "…"</c>).</summary>
        private static IEnumerable<ExpressionSyntax> ConstructorAssignments(TypeDeclarationSyntax type, string name)
        {
            foreach (var member in type.Members)
            {
                if (member is not ConstructorDeclarationSyntax constructor)
                {
                    continue;
                }

                var body = (SyntaxNode?)constructor.Body ?? constructor.ExpressionBody;
                if (body is null)
                {
                    continue;
                }

                foreach (var assignment in body.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
                {
                    var target = assignment.Left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (target == name && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        yield return assignment.Right;
                    }
                }
            }
        }
    }
}
