using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Listing;

/// <summary>The words the listing uses for <see cref="TokenKind"/> and <see cref="TokenStatus"/>.</summary>
public static class TokenKinds
{
    public static IReadOnlyList<string> Statuses { get; } = ["active", "inactive", "expired", "revoked"];

    public static string Name(TokenKind kind) => kind switch
    {
        TokenKind.Operator => "operator",
        TokenKind.AllAccess => "all-access",
        TokenKind.Admin => "admin",
        TokenKind.NamedAdmin => "named-admin",
        TokenKind.Resource => "resource",
        TokenKind.Database => "database",
        _ => "custom",
    };

    public static string Name(TokenStatus status) => status switch
    {
        TokenStatus.Inactive => "inactive",
        TokenStatus.Expired => "expired",
        TokenStatus.Revoked => "revoked",
        _ => "active",
    };

    public static string Name(TokenVisibility visibility) => visibility switch
    {
        TokenVisibility.Visible => "visible",
        TokenVisibility.Empty => "empty",
        TokenVisibility.Redacted => "redacted",
        _ => "missing",
    };
}
