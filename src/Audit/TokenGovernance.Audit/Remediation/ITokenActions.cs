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

    /// <summary>Changes the token's description (v2 allows it besides the status): how a re-issue marks the token it replaced.</summary>
    Task SetDescriptionAsync(string tokenId, string description, CancellationToken cancellationToken);

    /// <summary>A user by id, else by name; null when there is none.</summary>
    Task<Model.Principal?> FindUserAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>
    /// Why the audit token cannot create <paramref name="token"/>, or null when it can as far as its permissions show
    /// (the server still decides, and a refusal then fails the action before anything was changed).
    /// </summary>
    Task<string?> WhyCannotCreateAsync(PlannedToken token, CancellationToken cancellationToken);

    /// <summary>Creates the token. Its value is in the answer only, and is returned here once.</summary>
    Task<CreatedToken> CreateAsync(PlannedToken token, CancellationToken cancellationToken);

    /// <summary>The id of the user <paramref name="value"/> authenticates as (v2: <c>GET /api/v2/me</c> with it).</summary>
    Task<string> ProbeUserAsync(TokenSecret value, CancellationToken cancellationToken);

    /// <summary>The ids of the tokens <paramref name="userId"/> owns with exactly this description (a re-issue left over from an interrupted run).</summary>
    Task<IReadOnlyList<string>> FindTokensAsync(string userId, string description, CancellationToken cancellationToken);

    /// <summary>Deletes the token for good; false when it was already gone.</summary>
    Task<bool> DeleteAsync(string tokenId, CancellationToken cancellationToken);
}

/// <summary>A token just created: its id and its value, which only the references it is written to will keep.</summary>
public sealed record CreatedToken(string Id, TokenSecret Value);

/// <summary>What apply compares with the plan before it acts: state, last change, permissions, and what protection looks at.</summary>
public sealed record CurrentToken(
    string Id, string Status, DateTimeOffset? UpdatedAt, string PermissionsDigest, string Kind, string? OwnerId, string? OwnerName, string? Description);
