namespace TokenGovernance.Audit.Policy;

/// <summary>A rule as configured: enabled or not, and its severity after re-grading.</summary>
public sealed record EffectiveRule(PolicyRuleDescriptor Descriptor, bool Enabled, Severity Severity);
