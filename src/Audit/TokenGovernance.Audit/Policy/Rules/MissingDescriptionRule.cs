using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2009: without a description nobody knows what a token is for, so nobody dares to delete it.</summary>
public sealed class MissingDescriptionRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.MissingDescription, "missing-description", Severity.Low, "Token without a description");

    /// <summary>The message says how to describe a token on its product (<see cref="ProductWords.MissingDescription"/>).</summary>
    public string? Evaluate(Token token, PolicyContext context) =>
        string.IsNullOrWhiteSpace(token.Description) ? context.Inventory.Words.MissingDescription : null;
}
