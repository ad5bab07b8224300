namespace TokenGovernance.Audit.Policy;

/// <summary>Every rule descriptor, including those evaluated outside the policy engine (references).</summary>
public sealed class PolicyRuleCatalog(IEnumerable<IPolicyRule> rules)
{
    private readonly Dictionary<string, PolicyRuleDescriptor> _byId =
        rules.Select(rule => rule.Descriptor).ToDictionary(descriptor => descriptor.Id, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<PolicyRuleDescriptor> All => _byId.Values;

    public bool TryGet(string id, out PolicyRuleDescriptor descriptor) => _byId.TryGetValue(id, out descriptor!);
}
