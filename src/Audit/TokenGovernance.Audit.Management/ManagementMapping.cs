using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Management;

internal static class ManagementMapping
{
    /// <summary>No owners; revokedAt and expiresAt tell the status.</summary>
    public static ProductCapabilities Capabilities { get; } = new(HasOwners: false, HasStatus: true, HasExpiry: true, FillsScopeNames: false);

    public static Token ToToken(DatabaseToken token, DateTimeOffset now) => new()
    {
        Id = token.Id!,
        Description = token.Description,
        Kind = TokenKind.Database,
        Status = token.RevokedAt is not null ? TokenStatus.Revoked
            : token.ExpiresAt is { } expiresAt && expiresAt <= now ? TokenStatus.Expired
            : TokenStatus.Active,
        Permissions = token.Permissions!.Select(permission => Permission.OnDatabase(permission.Action!, permission.Resource)).ToList(),
        CreatedAt = token.CreatedAt,
        ExpiresAt = token.ExpiresAt,
        RevokedAt = token.RevokedAt,
        Value = new TokenValue(TokenVisibility.Missing, null),
    };
}
