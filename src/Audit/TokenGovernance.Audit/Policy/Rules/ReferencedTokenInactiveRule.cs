using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2002: a reference resolves to an inactive token.</summary>
public sealed class ReferencedTokenInactiveRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenInactive, "referenced-token-inactive", Severity.Critical, "Reference to an inactive token");

    public string? Evaluate(ResolvedReference resolved) => resolved.State == ReferenceStates.Inactive
        ? $"{resolved.Reference.Location} holds {resolved.Which}, which is {Dead(resolved.Token)}: whatever uses it fails with 401 at its next start"
        : null;

    private static string Dead(Token? token) => token?.Status switch
    {
        TokenStatus.Expired => "expired",
        TokenStatus.Revoked => "revoked",
        _ => "inactive",
    };
}
