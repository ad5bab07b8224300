using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy;

/// <summary>Everything a rule may consult besides the token itself.</summary>
public sealed class PolicyContext
{
    public required TargetInventory Inventory { get; init; }

    public required PolicyOptions Options { get; init; }

    public required UserMatcher GenericUsers { get; init; }

    public required UserMatcher AdminUsers { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>Exemptions whose <c>Expires</c> date has passed.</summary>
    public required IReadOnlyList<ExemptionOptions> ExpiredExemptions { get; init; }
}
