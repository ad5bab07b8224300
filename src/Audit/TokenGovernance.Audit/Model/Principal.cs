namespace TokenGovernance.Audit.Model;

/// <summary>Who a token belongs to: a v2 user. Products without users have none.</summary>
public sealed class Principal
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public PrincipalStatus Status { get; init; } = PrincipalStatus.Unknown;

    public bool IsInactive => Status == PrincipalStatus.Inactive;
}
