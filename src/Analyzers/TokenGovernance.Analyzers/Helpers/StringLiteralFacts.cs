using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>Answers "what constant text does this string-literal node carry?" for every C# string literal kind.</summary>
    internal static class StringLiteralFacts
    {
        /// <summary>Regular, verbatim, raw and UTF-8 literals, and the constant text parts of interpolated strings.</summary>
        /// <summary>A token that holds string text: a literal (regular, verbatim, raw, UTF-8) or an interpolated string's text part.</summary>
        public static bool IsStringToken(SyntaxToken token) => token.Kind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
                or SyntaxKind.InterpolatedStringTextToken => true,
            _ => false,
        };

        public static bool TryGetText(SyntaxNode node, out string text)
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal
                    when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    text = literal.Token.ValueText;
                    return true;
                case InterpolatedStringTextSyntax part:
                    text = part.TextToken.ValueText;
                    return true;
                default:
                    text = string.Empty;
                    return false;
            }
        }

        public static bool IsUtf8(SyntaxNode node) => node.IsKind(SyntaxKind.Utf8StringLiteralExpression);

        /// <summary>True when the expression is <c>"a" + "b" + …</c> of string literals only; no allocation.</summary>
        public static bool IsLiteralConcatenation(ExpressionSyntax expression, out int length)
        {
            length = 0;
            switch (expression)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    if (!IsLiteralConcatenation(binary.Left, out var left) || !IsLiteralConcatenation(binary.Right, out var right))
                    {
                        return false;
                    }

                    length = left + right;
                    return true;
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsLiteralConcatenation(parenthesized.Expression, out length);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    length = literal.Token.ValueText.Length;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Folds <c>"a" + "b" + …</c> made only of string literals; false for anything else.</summary>
        public static bool TryFoldConcatenation(BinaryExpressionSyntax binary, out string text)
        {
            var builder = new System.Text.StringBuilder();
            if (Append(binary, builder))
            {
                text = builder.ToString();
                return true;
            }

            text = string.Empty;
            return false;
        }

        private static bool Append(ExpressionSyntax expression, System.Text.StringBuilder builder)
        {
            switch (expression)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return Append(binary.Left, builder) && Append(binary.Right, builder);
                case ParenthesizedExpressionSyntax parenthesized:
                    return Append(parenthesized.Expression, builder);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    builder.Append(literal.Token.ValueText);
                    return true;
                default:
                    return false;
            }
        }
    }
}
