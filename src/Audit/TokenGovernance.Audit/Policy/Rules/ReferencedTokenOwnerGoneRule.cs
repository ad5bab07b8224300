using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2012: a reference holds a token whose owner is inactive or deleted.</summary>
public sealed class ReferencedTokenOwnerGoneRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenOwnerGone, "referenced-token-owner-gone", Severity.Critical, "Reference to a token whose owner is inactive or deleted");

    public string? Evaluate(ResolvedReference resolved) => resolved.State == ReferenceStates.OwnerGone
        ? $"{resolved.Reference.Location} holds {resolved.Which} whose owner is inactive or deleted (403 User is inactive): it no longer works"
        : null;
}
