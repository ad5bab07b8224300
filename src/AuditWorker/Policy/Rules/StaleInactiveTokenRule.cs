using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2015: a token that has been inactive for longer than <c>InactiveRetentionDays</c>.</summary>
public sealed class StaleInactiveTokenRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.StaleInactiveToken, "stale-inactive-token", Severity.Low, "Inactive token kept too long");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context)
    {
        if (authorization.IsActive || !PermissionShapes.IsKnown(authorization.UpdatedAt))
        {
            return null;
        }

        var idle = context.Now - authorization.UpdatedAt!.Value;
        return idle.TotalDays > context.Options.InactiveRetentionDays
            ? $"Token has been inactive since {authorization.UpdatedAt.Value:yyyy-MM-dd} ({(int)idle.TotalDays} days, more than {context.Options.InactiveRetentionDays}); delete it"
            : null;
    }
}
