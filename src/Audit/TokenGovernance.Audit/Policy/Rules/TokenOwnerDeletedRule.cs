using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2003: the token's user no longer exists (404), so the token no longer works.</summary>
public sealed class TokenOwnerDeletedRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.None with { HasOwners = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenOwnerDeleted, "token-owner-deleted", Severity.High, "Token of a deleted user");

    public string? Evaluate(Token token, PolicyContext context) =>
        token.OwnerId is not null && context.Inventory.IsDeleted(token.OwnerId)
            ? $"The token's user {token.OwnerId} was deleted ({context.Inventory.Words.OwnerDeletedEvidence(token.OwnerId)}); the token no longer works: delete it and replace every reference"
            : null;
}
