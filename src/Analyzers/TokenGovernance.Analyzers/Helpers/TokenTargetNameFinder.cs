using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>What a literal is assigned to: an identifier, a member name or a configuration/dictionary key.</summary>
    internal readonly struct TokenTarget
    {
        public TokenTarget(string name, bool isKey, bool isSymbol)
        {
            Name = name;
            IsKey = isKey;
            IsSymbol = isSymbol;
        }

        public string Name { get; }

        /// <summary>A dictionary or in-memory configuration key such as <c>InfluxDB:Token</c>.</summary>
        public bool IsKey { get; }

        /// <summary>A variable, field or property that may be passed on elsewhere.</summary>
        public bool IsSymbol { get; }
    }

    /// <summary>Answers "which name does this literal get assigned to?" from syntax alone.</summary>
    internal static class TokenTargetNameFinder
    {
        public static TokenTarget? Find(LiteralExpressionSyntax literal)
        {
            switch (literal.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return new TokenTarget(declarator.Identifier.ValueText, isKey: false, isSymbol: true);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return new TokenTarget(property.Identifier.ValueText, isKey: false, isSymbol: true);
                case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                    return new TokenTarget(parameter.Identifier.ValueText, isKey: false, isSymbol: true);
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax arrowProperty }:
                    return new TokenTarget(arrowProperty.Identifier.ValueText, isKey: false, isSymbol: true);
                case AssignmentExpressionSyntax assignment when assignment.Right == literal && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    return FromAssignmentTarget(assignment.Left);
                case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                    return new TokenTarget(nameEquals.Name.Identifier.ValueText, isKey: false, isSymbol: false);
                case ArgumentSyntax argument:
                    return FromArgument(argument, literal);
                case InitializerExpressionSyntax initializer
                    when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                         && initializer.Expressions.Count == 2
                         && initializer.Expressions[1] == literal
                         && initializer.Expressions[0] is LiteralExpressionSyntax key
                         && key.IsKind(SyntaxKind.StringLiteralExpression):
                    return new TokenTarget(key.Token.ValueText, isKey: true, isSymbol: false);
                default:
                    return null;
            }
        }

        private static TokenTarget? FromAssignmentTarget(ExpressionSyntax left)
        {
            switch (left)
            {
                case IdentifierNameSyntax identifier:
                    return new TokenTarget(identifier.Identifier.ValueText, isKey: false, isSymbol: true);
                case MemberAccessExpressionSyntax access:
                    return new TokenTarget(access.Name.Identifier.ValueText, isKey: false, isSymbol: true);
                case ImplicitElementAccessSyntax implicitAccess:
                    return FromKey(implicitAccess.ArgumentList);
                case ElementAccessExpressionSyntax elementAccess:
                    return FromKey(elementAccess.ArgumentList);
                default:
                    return null;
            }
        }

        private static TokenTarget? FromKey(BracketedArgumentListSyntax arguments) =>
            arguments.Arguments.Count == 1 && arguments.Arguments[0].Expression is LiteralExpressionSyntax key
                ? new TokenTarget(key.Token.ValueText, isKey: true, isSymbol: false)
                : null;

        private static TokenTarget? FromArgument(ArgumentSyntax argument, LiteralExpressionSyntax literal)
        {
            if (argument.NameColon is { } nameColon)
            {
                return new TokenTarget(nameColon.Name.Identifier.ValueText, isKey: false, isSymbol: false);
            }

            // new KeyValuePair<string, string?>("InfluxDB:Token", "…")
            if (argument.Parent is ArgumentListSyntax { Arguments.Count: 2 } list
                && list.Arguments[1] == argument
                && list.Parent is ObjectCreationExpressionSyntax creation
                && SinkSyntaxFilter.RightmostName(creation.Type) == "KeyValuePair"
                && list.Arguments[0].Expression is LiteralExpressionSyntax key
                && key != literal)
            {
                return new TokenTarget(key.Token.ValueText, isKey: true, isSymbol: false);
            }

            return null;
        }
    }
}
