using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>
/// TG2106: an expired token (or, on Dedicated and Clustered, a revoked one) still listed more than
/// <c>InactiveRetentionDays</c> after it stopped working: clutter that hides the tokens that matter.
/// </summary>
public sealed class ExpiredTokenKeptRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ExpiredTokenKept, "expired-token-kept", Severity.Low, "Expired or revoked token still listed");

    public string? Evaluate(Token token, PolicyContext context)
    {
        var (ended, how) = token.Status switch
        {
            TokenStatus.Expired => (token.ExpiresAt, "expired"),
            TokenStatus.Revoked => (token.RevokedAt, "was revoked"),
            _ => (null, null),
        };
        if (ended is not { } since || !PermissionShapes.IsKnown(since))
        {
            return null;
        }

        var days = (context.Now - since).TotalDays;
        return days > context.Options.InactiveRetentionDays
            ? $"Token {how} on {since:yyyy-MM-dd} ({(int)days} days ago, more than {context.Options.InactiveRetentionDays}) and is still listed; delete it"
            : null;
    }
}
