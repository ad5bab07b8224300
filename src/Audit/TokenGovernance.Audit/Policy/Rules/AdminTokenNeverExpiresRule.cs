using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>
/// TG2102: a named admin token (InfluxDB 3) without an expiry controls the whole server for ever. <c>_admin</c> is left
/// out: it can never expire (regenerate it instead).
/// </summary>
public sealed class AdminTokenNeverExpiresRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.AdminTokenNeverExpires, "admin-token-never-expires", Severity.High, "Admin token that never expires");

    public string? Evaluate(Token token, PolicyContext context) =>
        token is { Kind: TokenKind.NamedAdmin, ExpiresAt: null, IsActive: true }
            ? $"Admin token '{token.Label}' never expires: it can do everything on the server for as long as its value exists; re-create it with an expiry (--expiry) or delete it"
            : null;
}
