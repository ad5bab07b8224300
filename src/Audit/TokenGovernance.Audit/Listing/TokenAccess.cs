using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Listing;

/// <summary>
/// The most a token can do, for the <c>access</c> label: <c>admin</c> for operator, All-Access and v3 admin tokens,
/// <c>write</c> for any write permission, else <c>read</c>.
/// </summary>
public static class TokenAccess
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Admin];

    public static string Of(Token token)
    {
        if (token.Kind is TokenKind.Operator or TokenKind.AllAccess or TokenKind.Admin or TokenKind.NamedAdmin)
        {
            return Admin;
        }

        foreach (var permission in token.Permissions)
        {
            if (permission.IsWrite)
            {
                return Write;
            }
        }

        return Read;
    }
}
