using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2001: an active write token owned by a personal user stops working when that person leaves.</summary>
public sealed class WriteTokenPersonalOwnerRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.None with { HasOwners = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.WriteTokenPersonalOwner, "write-token-personal-owner", Severity.High, "Write token owned by a personal user");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (!token.IsActive || !PermissionShapes.HasWrite(token)
            || (token.OwnerId is not null && context.Inventory.IsDeleted(token.OwnerId)))
        {
            return null;
        }

        var owner = context.Inventory.OwnerName(token);
        if (context.GenericUsers.Matches(token.OwnerId, owner))
        {
            return null;
        }

        var hint = context.GenericUsers.IsEmpty
            ? " (no generic users are configured: set TokenGovernance:Policy:GenericUsers Names, Ids or Patterns)"
            : string.Empty;
        return $"Active token with write permission is owned by personal user '{owner ?? token.OwnerId}'; "
            + $"a token stops working when its user is deleted: recreate it under a generic (service) user{hint}";
    }
}
