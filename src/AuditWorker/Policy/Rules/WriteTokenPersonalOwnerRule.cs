using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2001: an active write token owned by a personal user stops working when that person leaves.</summary>
public sealed class WriteTokenPersonalOwnerRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.WriteTokenPersonalOwner, "write-token-personal-owner", Severity.High, "Write token owned by a personal user");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context)
    {
        if (!authorization.IsActive || !PermissionShapes.HasWrite(authorization)
            || (authorization.UserId is not null && context.Snapshot.DeletedUserIds.Contains(authorization.UserId)))
        {
            return null;
        }

        var owner = context.Snapshot.OwnerName(authorization);
        if (context.GenericUsers.Matches(authorization.UserId, owner))
        {
            return null;
        }

        var hint = context.GenericUsers.IsEmpty
            ? " (no generic users are configured: set TokenGovernance:Policy:GenericUsers Names, Ids or Patterns)"
            : string.Empty;
        return $"Active token with write permission is owned by personal user '{owner ?? authorization.UserId}'; "
            + $"a token stops working when its user is deleted: recreate it under a generic (service) user{hint}";
    }
}
