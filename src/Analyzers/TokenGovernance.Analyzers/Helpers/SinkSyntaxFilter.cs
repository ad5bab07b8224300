using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// Answers "could this node pass a token to a client or header?" from syntax alone, so that the semantic
    /// model is asked only about the few nodes that can.
    /// </summary>
    internal static class SinkSyntaxFilter
    {
        public static bool IsCandidate(SyntaxNode node)
        {
            switch (node)
            {
                case ObjectCreationExpressionSyntax creation:
                    return RightmostName(creation.Type) is "InfluxDBClient" or "InfluxDBClientOptions" or "ClientConfig" or "AuthenticationHeaderValue" or "Builder"
                        or "InfluxDbClient" or "InfluxClient";
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    return implicitCreation.ArgumentList.Arguments.Count > 0;
                case InvocationExpressionSyntax invocation:
                    return InvokedName(invocation) switch
                    {
                        "AuthenticateToken" or "Authenticate" or "ConnectionString" => true,
                        "Create" or "CreateV1" => invocation.Expression is not MemberAccessExpressionSyntax access
                            || RightmostName(access.Expression) == "InfluxDBClientFactory",
                        "Add" or "TryAddWithoutValidation" => MayBeAuthorizationHeader(invocation.ArgumentList),
                        _ => false,
                    };
                case AssignmentExpressionSyntax assignment:
                    return RightmostName(assignment.Left) is "Token" or "Password";
                default:
                    return false;
            }
        }

        // headers.Add("X-Request-Id", …) is common and never a token sink: only "Authorization" or a non-literal name may be.
        private static bool MayBeAuthorizationHeader(ArgumentListSyntax arguments) =>
            arguments.Arguments.Count == 2
            && (arguments.Arguments[0].Expression is not LiteralExpressionSyntax name
                || string.Equals(name.Token.ValueText, "Authorization", System.StringComparison.OrdinalIgnoreCase));

        /// <summary>The expressions that a candidate passes on (arguments, assigned value).</summary>
        public static System.Collections.Generic.IEnumerable<ExpressionSyntax> PassedValues(SyntaxNode node)
        {
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is not null:
                    foreach (var argument in creation.ArgumentList.Arguments)
                    {
                        yield return argument.Expression;
                    }

                    break;
                case InvocationExpressionSyntax invocation:
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        yield return argument.Expression;
                    }

                    break;
                case AssignmentExpressionSyntax assignment:
                    yield return assignment.Right;
                    break;
            }
        }

        private static string? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

        public static string? RightmostName(ExpressionSyntax expression) => expression switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
