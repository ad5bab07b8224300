using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2105: an active token expires within <c>Policy:ExpiryWarningDays</c>: whatever uses it stops working then.</summary>
public sealed class TokenExpiresSoonRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenExpiresSoon, "token-expires-soon", Severity.Medium, "Token expires soon");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (!token.IsActive || token.ExpiresAt is not { } expiresAt || expiresAt <= context.Now)
        {
            return null;
        }

        var left = expiresAt - context.Now;
        return left.TotalDays <= context.Options.ExpiryWarningDays
            ? $"Token expires on {expiresAt:yyyy-MM-dd HH:mm} UTC, in {Math.Max(0, (int)left.TotalDays)} day(s) (warning from {context.Options.ExpiryWarningDays}): create its successor and rewire what uses it before then"
            : null;
    }
}
