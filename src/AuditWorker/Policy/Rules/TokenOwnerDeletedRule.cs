using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2003: the token's user no longer exists (404), so the token no longer works.</summary>
public sealed class TokenOwnerDeletedRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenOwnerDeleted, "token-owner-deleted", Severity.High, "Token of a deleted user");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context) =>
        authorization.UserId is not null && context.Snapshot.DeletedUserIds.Contains(authorization.UserId)
            ? $"The token's user {authorization.UserId} was deleted (GET /api/v2/users/{authorization.UserId} answered 404); the token no longer works: delete it and replace every reference"
            : null;
}
