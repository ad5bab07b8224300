using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2103: more working admin tokens (InfluxDB 3, <c>_admin</c> included) than <c>Policy:MaxAdminTokens</c>.</summary>
public sealed class TooManyAdminTokensRule : ITargetRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.TooManyAdminTokens, "too-many-admin-tokens", Severity.Medium, "More admin tokens than allowed");

    public IEnumerable<TargetRuleHit> Evaluate(PolicyContext context)
    {
        var admins = context.Inventory.Tokens.Where(token => token.IsActive && token.Kind is TokenKind.Admin or TokenKind.NamedAdmin).ToList();
        var allowed = context.Options.MaxAdminTokens;
        if (admins.Count <= allowed)
        {
            yield break;
        }

        var names = string.Join(", ", admins.Take(5).Select(token => "'" + token.Label + "'"));
        var more = admins.Count > 5 ? $" and {admins.Count - 5} more" : string.Empty;
        yield return new TargetRuleHit(
            $"The server has {admins.Count} working admin tokens ({names}{more}), more than the {allowed} allowed (Policy:MaxAdminTokens): every one of them can do everything; give applications resource tokens and delete the admin tokens nobody needs");
    }
}
