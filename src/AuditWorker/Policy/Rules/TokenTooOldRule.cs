using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2008: an active token older than <c>MaxTokenAgeDays</c>; v2 tokens never expire by themselves.</summary>
public sealed class TokenTooOldRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenTooOld, "token-too-old", Severity.Medium, "Token older than the maximum age");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context)
    {
        if (!authorization.IsActive || !PermissionShapes.IsKnown(authorization.CreatedAt))
        {
            return null;
        }

        var age = context.Now - authorization.CreatedAt!.Value;
        return age.TotalDays > context.Options.MaxTokenAgeDays
            ? $"Token was created {(int)age.TotalDays} days ago ({authorization.CreatedAt.Value:yyyy-MM-dd}), more than the {context.Options.MaxTokenAgeDays} allowed; rotate it"
            : null;
    }
}
