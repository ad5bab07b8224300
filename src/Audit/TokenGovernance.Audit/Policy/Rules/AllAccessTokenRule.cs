using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2004: the UI/CLI "All Access" shape — read and write on every resource type of the org.</summary>
public sealed class AllAccessTokenRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.Orgs;

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.AllAccessToken, "all-access-token", Severity.High, "All-access token");

    public string? Evaluate(Token token, PolicyContext context) =>
        token.Kind == TokenKind.AllAccess
            ? "Token has org-wide read and write on every resource type (All Access); replace it with tokens scoped to the buckets and actions each client needs"
            : null;
}
