using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Changes tokens of one kind of product: the seam remediation acts through, as <see cref="Auditing.ITargetReader"/>
/// is the one the audit reads through. One implementation per product kind, registered in DI.
/// </summary>
public interface ITokenActions
{
    bool CanAct(TargetOptions target);

    /// <summary>A session with the target as the audit token (read from the target's token source).</summary>
    Task<ITokenActionSession> OpenAsync(TargetOptions target, CancellationToken cancellationToken);
}

public interface ITokenActionSession
{
    /// <summary>The audit token's user: the journal's actor, and whose tokens are never touched.</summary>
    Model.Principal Actor { get; }

    /// <summary>The token as it is now, or null when the server no longer has it.</summary>
    Task<CurrentToken?> ReadAsync(string tokenId, CancellationToken cancellationToken);

    /// <summary>Makes the token active or inactive (v2: reversible).</summary>
    Task SetActiveAsync(string tokenId, bool active, CancellationToken cancellationToken);
}

/// <summary>What apply compares with the plan before it acts: state, last change, permissions, and what protection looks at.</summary>
public sealed record CurrentToken(
    string Id, string Status, DateTimeOffset? UpdatedAt, string PermissionsDigest, string Kind, string? OwnerId, string? OwnerName, string? Description);
