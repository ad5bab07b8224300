namespace TokenGovernance.AuditWorker.Policy.Rules;

// The reference rules are evaluated by References/ReferenceAuditor (they need the sources and probes);
// they are registered here so configuration, metrics, SARIF and exemptions treat them like every rule.

/// <summary>TG2002: a reference resolves to an inactive token.</summary>
public sealed class ReferencedTokenInactiveRule : IPolicyRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenInactive, "referenced-token-inactive", Severity.Critical, "Reference to an inactive token");
}

/// <summary>TG2011: a reference holds a token the server does not know.</summary>
public sealed class ReferencedTokenUnknownRule : IPolicyRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenUnknown, "referenced-token-unknown", Severity.Critical, "Reference to a token the server does not know");
}

/// <summary>TG2012: a reference holds a token whose owner is inactive or deleted.</summary>
public sealed class ReferencedTokenOwnerGoneRule : IPolicyRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenOwnerGone, "referenced-token-owner-gone", Severity.Critical, "Reference to a token whose owner is inactive or deleted");
}

/// <summary>TG2013: a token value sits in a ConfigMap or a plain file instead of a secret store.</summary>
public sealed class PlaintextTokenReferenceRule : IPolicyRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.PlaintextTokenReference, "plaintext-token-reference", Severity.High, "Token in plain text");
}
