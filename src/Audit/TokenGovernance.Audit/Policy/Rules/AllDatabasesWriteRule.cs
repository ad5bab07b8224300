using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>
/// TG2104: a resource token (InfluxDB 3 Enterprise, <c>db:*:write</c>) or a database token (Dedicated, Clustered:
/// <c>write</c> on <c>*</c>) may write to every database, including those created after it.
/// </summary>
public sealed class AllDatabasesWriteRule : ITokenRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.AllDatabasesWrite, "all-databases-write", Severity.High, "Token may write to every database");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (token.Kind is not (TokenKind.Resource or TokenKind.Database) || !token.IsActive)
        {
            return null;
        }

        foreach (var permission in token.Permissions)
        {
            if (permission.IsWrite && PermissionShapes.IsAllDatabases(permission))
            {
                return "Token may write to every database (a '*' database permission), including databases created after it: grant write on the databases its writer needs, by name";
            }
        }

        return null;
    }
}
