namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>
/// TG2016: the audit token sees only its own user's tokens, so the audit is partial. InfluxDB silently drops the
/// authorizations the caller may not read; on OSS only an operator token sees everyone's.
/// </summary>
public sealed class AuditCoverageLimitedRule : ITargetRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.AuditCoverageLimited, "audit-coverage-limited", Severity.Medium, "Audit token cannot see all tokens");

    public IEnumerable<TargetRuleHit> Evaluate(PolicyContext context)
    {
        var snapshot = context.Snapshot;
        var me = snapshot.AuditUser;
        if (me is null)
        {
            yield break;
        }

        var otherUsers = snapshot.UsersById.Values.Count(user => user.Id != me.Id);
        var onlyOwnTokens = snapshot.Authorizations.All(authorization => authorization.UserId == me.Id);
        if (otherUsers > 0 && onlyOwnTokens)
        {
            yield return new TargetRuleHit(
                $"The audit token (user '{me.Name}') sees only its own user's tokens although {otherUsers} other user(s) exist: InfluxDB hides tokens the caller may not read, so this audit is partial; audit with an operator token (OSS) or a token with read:authorizations and read:users for every user",
                User: me.Name);
        }
    }
}
