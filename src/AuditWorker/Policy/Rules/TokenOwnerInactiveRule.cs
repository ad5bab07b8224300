using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2010: the token says active, but its user is inactive, so every request fails with 403.</summary>
public sealed class TokenOwnerInactiveRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenOwnerInactive, "token-owner-inactive", Severity.Medium, "Active token of an inactive user");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context) =>
        authorization.IsActive && context.Snapshot.Owner(authorization) is { IsInactive: true } owner
            ? $"Token is active but its user '{owner.Name}' is inactive: every request with it fails with 403 'User is inactive'"
            : null;
}
