namespace TokenGovernance.Audit.Listing;

/// <summary>
/// What <c>tokengov tokens</c> and <c>GET /tokens</c> keep, and in which order. Filters combine with AND; the values of
/// one filter with OR. <c>--can</c> and <c>--on</c> together ask for one permission that does both.
/// </summary>
public sealed record TokenQuery
{
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Owner names or ids.</summary>
    public IReadOnlyList<string> Users { get; init; } = [];

    /// <summary>Org (v2) or database (v3) names or ids: the token's own scope, or a scope one of its permissions reaches.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary><c>read</c> or <c>write</c>.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    public IReadOnlyList<ResourceSelector> Resources { get; init; } = [];

    /// <summary><see cref="OwnerKinds"/>.</summary>
    public IReadOnlyList<string> OwnerKinds { get; init; } = [];

    /// <summary>Rule ids (<c>TG2001</c>), upper case.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    public int? OlderThanDays { get; init; }

    public int? ExpiresWithinDays { get; init; }

    public TokenSort Sort { get; init; } = TokenSort.Target;

    public bool Matches(TokenRecord token, DateTimeOffset now)
    {
        return (Targets.Count == 0 || Targets.Contains(token.Target, StringComparer.Ordinal))
            && (Users.Count == 0 || Users.Any(user => user == token.OwnerName || user == token.OwnerId))
            && (Scopes.Count == 0 || Scopes.Any(scope => InScope(token, scope)))
            && (Statuses.Count == 0 || Statuses.Contains(token.Status, StringComparer.Ordinal))
            && (OwnerKinds.Count == 0 || OwnerKinds.Contains(token.OwnerKind, StringComparer.Ordinal))
            && (Findings.Count == 0 || (token.Findings ?? []).Any(finding => Findings.Contains(finding.RuleId, StringComparer.OrdinalIgnoreCase)))
            && (OlderThanDays is not { } older || token.CreatedAt is { } created && created < now.AddDays(-older))
            && (ExpiresWithinDays is not { } within || token.ExpiresAt is { } expires && expires >= now && expires <= now.AddDays(within))
            && HasPermission(token);
    }

    private bool HasPermission(TokenRecord token)
    {
        if (Actions.Count == 0 && Resources.Count == 0)
        {
            return true;
        }

        foreach (var permission in token.Permissions)
        {
            var action = Actions.Count == 0 || permission.Action == "*" || Actions.Contains(permission.Action, StringComparer.Ordinal);
            if (action && (Resources.Count == 0 || Resources.Any(resource => resource.Reaches(permission))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InScope(TokenRecord token, string scope)
    {
        if (scope == token.ScopeName || scope == token.ScopeId)
        {
            return true;
        }

        foreach (var permission in token.Permissions)
        {
            if (scope == permission.ScopeName || scope == permission.ScopeId
                || (ResourceSelector.IsDatabaseType(permission.ResourceType) && scope == permission.ResourceName))
            {
                return true;
            }
        }

        return false;
    }
}
