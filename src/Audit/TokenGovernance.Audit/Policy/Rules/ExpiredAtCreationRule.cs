using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>
/// TG2107: a token whose expiry is not after its creation never worked (influxdata/influxdb#27620: a token created
/// without an expiry may get one at once). Whoever holds it believes they have a working token.
/// </summary>
public sealed class ExpiredAtCreationRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ExpiredAtCreation, "expired-at-creation", Severity.Medium, "Token expired at creation");

    public string? Evaluate(Token token, PolicyContext context) =>
        token is { ExpiresAt: { } expiresAt, CreatedAt: { } createdAt } && PermissionShapes.IsKnown(createdAt) && expiresAt <= createdAt
            ? $"Token expires {expiresAt:yyyy-MM-dd HH:mm:ss} UTC, not after it was created ({createdAt:yyyy-MM-dd HH:mm:ss} UTC): it never worked (influxdata/influxdb#27620); delete it and create a new one with an explicit expiry"
            : null;
}
