using TokenGovernance.Audit.Model;

using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2009: without a description nobody knows what a token is for, so nobody dares to delete it.</summary>
public sealed class MissingDescriptionRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.MissingDescription, "missing-description", Severity.Low, "Token without a description");

    public string? Evaluate(Token token, PolicyContext context) =>
        !string.IsNullOrWhiteSpace(token.Description) ? null
        : context.Inventory.Kind switch
        {
            TargetKind.InfluxDb2 => "Token has no description; describe what uses it and who owns it (PATCH /api/v2/authorizations/{id})",
            TargetKind.InfluxDb3 => "Token has no description; say what uses it and who owns it when it is next re-created (InfluxDB 3 cannot change a token's description)",
            _ => "Token has no description; describe what uses it and who owns it (PATCH the database token on the management API)",
        };
}
