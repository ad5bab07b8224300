using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>
/// TG2101: an InfluxDB 3 server started with <c>--without-auth</c> answers every request without a token: anyone who
/// reaches its port may read, write and delete every database. Its tokens are not checked at all.
/// </summary>
public sealed class ServerWithoutAuthRule : ITargetRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ServerWithoutAuth, "server-without-auth", Severity.Critical, "InfluxDB 3 server without authentication");

    public IEnumerable<TargetRuleHit> Evaluate(PolicyContext context)
    {
        if (context.Inventory.AuthenticationDisabled)
        {
            yield return new TargetRuleHit(
                "The server answered a request that carried no token (it runs with --without-auth): anyone who reaches it may read, write and delete every database; restart it without --without-auth and give each client its own token");
        }
    }
}
