using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Listing;

/// <summary>
/// What the configuration says about a token's owner (the <c>owner_kind</c> label and <c>--owner</c>). Nothing in any
/// InfluxDB API marks a user as generic or admin: <c>Policy:GenericUsers</c> and <c>Policy:AdminUsers</c> do. The first
/// that holds wins: <c>none</c> (no owner: v3, or the listing names none), <c>deleted</c> (the product says the owner no
/// longer exists), <c>generic</c>, <c>admin</c>, else <c>personal</c>.
/// </summary>
public static class OwnerKinds
{
    public const string Generic = "generic";
    public const string Personal = "personal";
    public const string Admin = "admin";
    public const string Deleted = "deleted";
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Generic, Personal, Admin, Deleted, None];

    public static string Of(Token token, TargetInventory inventory, UserMatcher genericUsers, UserMatcher adminUsers)
    {
        if (!inventory.Capabilities.HasOwners || token.OwnerId is null)
        {
            return None;
        }

        if (inventory.IsDeleted(token.OwnerId) || inventory.Owner(token)?.Status == PrincipalStatus.Deleted)
        {
            return Deleted;
        }

        var name = inventory.OwnerName(token);
        return genericUsers.Matches(token.OwnerId, name) ? Generic
            : adminUsers.Matches(token.OwnerId, name) ? Admin
            : Personal;
    }

    /// <summary>The owner's state in words; null without an owner.</summary>
    public static string? StatusOf(Token token, TargetInventory inventory)
    {
        if (token.OwnerId is null)
        {
            return null;
        }

        if (inventory.IsDeleted(token.OwnerId))
        {
            return "deleted";
        }

        return inventory.Owner(token)?.Status switch
        {
            PrincipalStatus.Active => "active",
            PrincipalStatus.Inactive => "inactive",
            PrincipalStatus.Deleted => "deleted",
            _ => "unknown",
        };
    }
}
