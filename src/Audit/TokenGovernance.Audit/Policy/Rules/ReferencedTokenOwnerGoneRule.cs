using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

// A reference rule runs on what References/ReferenceAuditor resolved (it needs the sources and probes); it is a
// rule like every other, so configuration, metrics, SARIF and exemptions treat it alike.

/// <summary>TG2012: a reference holds a token whose owner is inactive or deleted.</summary>
public sealed class ReferencedTokenOwnerGoneRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenOwnerGone, "referenced-token-owner-gone", Severity.Critical, "Reference to a token whose owner is inactive or deleted");

    public string? Evaluate(ResolvedReference resolved) => resolved.State == ReferenceStates.OwnerGone
        ? $"{resolved.Reference.Location} holds {resolved.Which} whose owner is inactive or deleted (403 User is inactive): it no longer works"
        : null;
}
