using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

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
