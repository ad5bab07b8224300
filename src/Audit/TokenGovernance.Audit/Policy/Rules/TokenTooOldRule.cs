using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2008: an active token older than <c>MaxTokenAgeDays</c>; v2 tokens never expire by themselves.</summary>
public sealed class TokenTooOldRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.None with { HasStatus = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TokenTooOld, "token-too-old", Severity.Medium, "Token older than the maximum age");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (!token.IsActive || !PermissionShapes.IsKnown(token.CreatedAt))
        {
            return null;
        }

        var age = context.Now - token.CreatedAt!.Value;
        return age.TotalDays > context.Options.MaxTokenAgeDays
            ? $"Token was created {(int)age.TotalDays} days ago ({token.CreatedAt.Value:yyyy-MM-dd}), more than the {context.Options.MaxTokenAgeDays} allowed; rotate it"
            : null;
    }
}
