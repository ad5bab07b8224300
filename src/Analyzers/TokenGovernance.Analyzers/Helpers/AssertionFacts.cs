using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>Answers "is this literal the expected value of a test assertion?" (never a secret in use).</summary>
    internal static class AssertionFacts
    {
        private static readonly string[] FluentMethods = { "Be", "BeEquivalentTo", "Contain", "StartWith", "EndWith", "NotBe", "Match" };

        public static bool IsExpectedValueInAssertion(SyntaxNode literal)
        {
            var node = literal.Parent;
            while (node is BinaryExpressionSyntax || node is ParenthesizedExpressionSyntax || node is InterpolatedStringExpressionSyntax || node is InterpolationSyntax)
            {
                node = node.Parent;
            }

            if (node is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
            {
                return false;
            }

            if (invocation.Expression is not MemberAccessExpressionSyntax access)
            {
                return false;
            }

            var receiver = access.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => string.Empty,
            };

            if (receiver.EndsWith("Assert", StringComparison.Ordinal))
            {
                return true;
            }

            return Array.IndexOf(FluentMethods, access.Name.Identifier.ValueText) >= 0
                && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Should" } };
        }
    }
}
