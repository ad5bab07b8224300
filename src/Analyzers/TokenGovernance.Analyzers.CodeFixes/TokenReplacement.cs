using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TokenGovernance.Analyzers.CodeFixes
{
    /// <summary>Replaces a reported literal (or the token inside it) with an expression that reads the token at run time.</summary>
    internal static class TokenReplacement
    {
        /// <summary>
        /// True when the literal can hold a non-constant expression: not UTF-8, not part of an interpolated string,
        /// not an attribute argument, parameter default or case label.
        /// </summary>
        public static bool CanReplace(SyntaxNode node)
        {
            if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return false;
            }

            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax:
                    case ParameterSyntax:
                    case CaseSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                        return false;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return true;
                }
            }

            return true;
        }

        /// <summary>
        /// The new root: the literal replaced by <paramref name="readToken"/> (keeping any text around the token),
        /// and a <c>const</c> that held it turned into <c>static readonly</c> (field) or a plain local.
        /// </summary>
        public static SyntaxNode Apply(SyntaxNode root, LiteralExpressionSyntax literal, Diagnostic diagnostic, ExpressionSyntax readToken)
        {
            var marker = new SyntaxAnnotation();
            var newRoot = root.ReplaceNode(literal, BuildReplacement(literal, diagnostic, readToken).WithAdditionalAnnotations(marker));
            return RemoveConst(newRoot, newRoot.GetAnnotatedNodes(marker).First());
        }

        public static ExpressionSyntax BuildReplacement(LiteralExpressionSyntax literal, Diagnostic diagnostic, ExpressionSyntax readToken)
        {
            var value = literal.Token.ValueText;
            ExpressionSyntax result = SyntaxFactory.ParenthesizedExpression(readToken).WithAdditionalAnnotations(Simplifier.Annotation);
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.TokenStart, out var startText)
                && diagnostic.Properties.TryGetValue(DiagnosticProperties.TokenLength, out var lengthText)
                && int.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(lengthText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length)
                && start >= 0 && start + length <= value.Length)
            {
                var prefix = value.Substring(0, start);
                var suffix = value.Substring(start + length);
                if (prefix.Length > 0)
                {
                    result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, StringLiteral(prefix), result);
                }

                if (suffix.Length > 0)
                {
                    result = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, result, StringLiteral(suffix));
                }

                if (prefix.Length > 0 || suffix.Length > 0)
                {
                    result = SyntaxFactory.ParenthesizedExpression(result).WithAdditionalAnnotations(Simplifier.Annotation);
                }
            }

            return result.WithTriviaFrom(literal);
        }

        /// <summary>Removes <c>const</c> from the declaration that holds the literal, if any.</summary>
        private static SyntaxNode RemoveConst(SyntaxNode root, SyntaxNode replaced)
        {
            var declarator = replaced.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
            switch (declarator?.Parent?.Parent)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    var modifiers = SyntaxFactory.TokenList(field.Modifiers
                        .Where(modifier => !modifier.IsKind(SyntaxKind.ConstKeyword))
                        .Concat(new[]
                        {
                            SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                            SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                        }));
                    if (field.Modifiers.First().IsKind(SyntaxKind.ConstKeyword))
                    {
                        modifiers = modifiers.Replace(modifiers.First(), modifiers.First().WithLeadingTrivia(field.Modifiers.First().LeadingTrivia));
                    }

                    return root.ReplaceNode(field, field.WithModifiers(modifiers));
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    var constKeyword = local.Modifiers.First(modifier => modifier.IsKind(SyntaxKind.ConstKeyword));
                    var withoutConst = local.WithModifiers(local.Modifiers.Remove(constKeyword))
                        .WithLeadingTrivia(constKeyword.LeadingTrivia);
                    return root.ReplaceNode(local, withoutConst);
                default:
                    return root;
            }
        }

        public static ExpressionSyntax ThrowIfMissing(ExpressionSyntax value, string message) =>
            SyntaxFactory.BinaryExpression(
                SyntaxKind.CoalesceExpression,
                value,
                SyntaxFactory.ThrowExpression(
                    SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation))
                        .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(StringLiteral(message)))))));

        public static LiteralExpressionSyntax StringLiteral(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));
    }
}
