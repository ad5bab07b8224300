using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>
/// TG2016: the audit token sees only its own user's tokens, so the audit is partial. InfluxDB silently drops the
/// authorizations the caller may not read; on OSS only an operator token sees everyone's.
/// </summary>
public sealed class AuditCoverageLimitedRule : ITargetRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.None with { HasOwners = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.AuditCoverageLimited, "audit-coverage-limited", Severity.Medium, "Audit token cannot see all tokens");

    public IEnumerable<TargetRuleHit> Evaluate(PolicyContext context)
    {
        var inventory = context.Inventory;
        var me = inventory.AuditPrincipal;
        if (me is null)
        {
            yield break;
        }

        // Seeing another user's token proves wider read access; an operator token of the audit user explains seeing only its own.
        var seesOthers = inventory.Tokens.Any(token => token.OwnerId != me.Id);
        var holdsOperatorRead = inventory.Tokens.Any(token => token.OwnerId == me.Id
            && token.Permissions.Any(permission => permission.IsRead && permission.ResourceType == "authorizations" && permission.IsInstanceWide));
        if (seesOthers || holdsOperatorRead)
        {
            yield break;
        }

        var otherUsers = inventory.PrincipalsById.Values.Count(user => user.Id != me.Id);
        var known = otherUsers > 0 ? $" although {otherUsers} other user(s) exist" : string.Empty;
        yield return new TargetRuleHit(
            $"The audit token (user '{me.Name}') sees only its own user's tokens{known}: InfluxDB silently hides tokens the caller may not read, so this audit is partial; audit with an operator token (OSS) or a token with read access to every user's authorizations",
            User: me.Name);
    }
}
