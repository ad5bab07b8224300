using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2010: the token says active, but its user is inactive, so every request fails with 403.</summary>
public sealed class TokenOwnerInactiveRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.None with { HasOwners = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenOwnerInactive, "token-owner-inactive", Severity.Medium, "Active token of an inactive user");

    public string? Evaluate(Token token, PolicyContext context) =>
        token.IsActive && context.Inventory.Owner(token) is { IsInactive: true } owner
            ? $"Token is active but its user '{owner.Name}' is inactive: every request with it fails with 403 'User is inactive'"
            : null;
}
