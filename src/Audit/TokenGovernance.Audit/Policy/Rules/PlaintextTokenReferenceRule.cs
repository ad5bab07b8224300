using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2013: a token value sits in a ConfigMap or a plain file instead of a secret store.</summary>
public sealed class PlaintextTokenReferenceRule : IReferenceRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.PlaintextTokenReference, "plaintext-token-reference", Severity.High, "Token in plain text");

    public string? Evaluate(ResolvedReference resolved) => resolved.Reference is { Plaintext: true, Value: not null }
        ? $"{resolved.Reference.Location} holds {resolved.Which} in plain text ({resolved.Reference.Source}); keep it in a Secret or a vault"
        : null;
}
