using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    /// <summary>
    /// Secrets of other services that pass through InfluxDB's own API: the <c>token</c> of an
    /// <c>HTTPNotificationEndpoint</c> (and the other notification endpoints) is a webhook credential, not an InfluxDB
    /// API token, so the token rules leave it alone.
    /// </summary>
    internal static class ThirdPartySecretFacts
    {
        public static bool IsNotificationEndpointCredential(LiteralExpressionSyntax literal, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            var owner = literal.Parent switch
            {
                ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } } => call,
                AssignmentExpressionSyntax { Left: { } left } assignment when assignment.Right == literal => left,
                _ => null,
            };
            var symbol = owner is null ? null : model.GetSymbolInfo(owner, cancellationToken).Symbol;
            return symbol?.ContainingType is { } type && IsNotificationEndpoint(type);
        }

        private static bool IsNotificationEndpoint(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name.EndsWith("NotificationEndpoint", System.StringComparison.Ordinal)
                    && current.ContainingNamespace?.ToDisplayString() == "InfluxDB.Client.Api.Domain")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
