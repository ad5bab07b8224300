using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>From <c>system.tokens</c> rows to the neutral model.</summary>
internal static class InfluxV3Mapping
{
    /// <summary>No owners and no stored status; the expiry tells expired from active.</summary>
    public static ProductCapabilities Capabilities { get; } = new(HasOwners: false, HasStatus: true, HasExpiry: true, FillsScopeNames: false, HashesValues: true);

    public const string AdminTokenName = "_admin";

    public static Token ToToken(V3TokenRow row, DateTimeOffset now)
    {
        var permissions = V3Permissions.Parse(row.Permissions)
            ?? throw ResponseChecks.Malformed("api/v3/query_sql (system.tokens)", $"token {row.TokenId} has permissions in an unknown format");
        var kind = row.Name == AdminTokenName ? TokenKind.Admin
            : V3Permissions.IsAdmin(row.Permissions) ? TokenKind.NamedAdmin
            : TokenKind.Resource;
        return new Token
        {
            Id = row.TokenId!,
            Name = row.Name,
            Description = row.Description,
            Kind = kind,
            Status = row.Expiry is { } expiry && expiry <= now ? TokenStatus.Expired : TokenStatus.Active,
            Permissions = permissions,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            ExpiresAt = row.Expiry,
            CreatedBy = row.CreatedByTokenId,
            HashPrefix = TokenHashes.Normalize(row.Hash),
            Value = new TokenValue(TokenVisibility.Missing, null),
        };
    }

    /// <summary><c>x-influxdb-build</c> in words; a server that sends none is read by what its tokens show.</summary>
    public static string Edition(string? build, IReadOnlyList<Token> tokens) => build?.Trim().ToLowerInvariant() switch
    {
        "enterprise" => "enterprise",
        "core" => "core",
        _ => tokens.Any(token => token.Kind == TokenKind.Resource) ? "enterprise" : "core",
    };
}
