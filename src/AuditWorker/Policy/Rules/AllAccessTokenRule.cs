using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2004: the UI/CLI "All Access" shape — read and write on every resource type of the org.</summary>
public sealed class AllAccessTokenRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.AllAccessToken, "all-access-token", Severity.High, "All-access token");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context) =>
        PermissionShapes.ShapeOf(authorization, context.Snapshot.ResourceTypes) is { InstanceWide: false, AllAccess: true }
            ? "Token has org-wide read and write on every resource type (All Access); replace it with tokens scoped to the buckets and actions each client needs"
            : null;
}
