using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

// The reference rules run on what References/ReferenceAuditor resolved (they need the sources and probes); they
// are rules like every other, so configuration, metrics, SARIF and exemptions treat them alike.

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

/// <summary>TG2011: a reference holds a token the server does not know.</summary>
public sealed class ReferencedTokenUnknownRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenUnknown, "referenced-token-unknown", Severity.Critical, "Reference to a token the server does not know");

    public string? Evaluate(ResolvedReference resolved) => resolved.State == ReferenceStates.Unknown
        ? $"{resolved.Reference.Location} holds {resolved.Which} that the server does not know ({Evidence(resolved)}): deleted, never valid, or from another instance"
        : null;

    /// <summary>How the server said so: a probe's 401, or no token of its list (by id, or by hash prefix on InfluxDB 3).</summary>
    private static string Evidence(ResolvedReference resolved) => resolved.MatchedBy == ReferenceMatches.Probe
        ? "401 unauthorized access"
        : resolved.Reference.DeclaredAuthorizationId is not null ? "no token it lists has the declared id" : "no token it lists has its hash";
}

/// <summary>TG2012: a reference holds a token whose owner is inactive or deleted.</summary>
public sealed class ReferencedTokenOwnerGoneRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.ReferencedTokenOwnerGone, "referenced-token-owner-gone", Severity.Critical, "Reference to a token whose owner is inactive or deleted");

    public string? Evaluate(ResolvedReference resolved) => resolved.State == ReferenceStates.OwnerGone
        ? $"{resolved.Reference.Location} holds {resolved.Which} whose owner is inactive or deleted (403 User is inactive): it no longer works"
        : null;
}

/// <summary>TG2013: a token value sits in a ConfigMap or a plain file instead of a secret store.</summary>
public sealed class PlaintextTokenReferenceRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.PlaintextTokenReference, "plaintext-token-reference", Severity.High, "Token in plain text");

    public string? Evaluate(ResolvedReference resolved) => resolved.Reference is { Plaintext: true, Value: not null }
        ? $"{resolved.Reference.Location} holds {resolved.Which} in plain text ({resolved.Reference.Source}); keep it in a Secret or a vault"
        : null;
}
