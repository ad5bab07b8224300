namespace TokenGovernance.Audit.Listing;

/// <summary>
/// <c>--on TYPE[:NAME]</c>: the permissions that reach a resource type, or one resource of it. A permission on every
/// resource of the type (v2: org-wide, or instance-wide for an operator) reaches each of them, so
/// <c>buckets:telemetry</c> also matches a token that may write every bucket of the org. Types match without case and
/// without a plural <c>s</c> (<c>bucket</c> is <c>buckets</c>; <c>db</c> and <c>database</c> are one); <c>*</c> on the
/// server's side (InfluxDB 3's <c>*:*:*</c>) reaches everything.
/// </summary>
public sealed record ResourceSelector(string Type, string? Name)
{
    public static ResourceSelector? Parse(string text)
    {
        var colon = text.IndexOf(':');
        var type = (colon < 0 ? text : text[..colon]).Trim();
        var name = colon < 0 ? null : text[(colon + 1)..].Trim();
        return type.Length == 0 || name is { Length: 0 } ? null : new ResourceSelector(type, name);
    }

    public bool Reaches(PermissionRecord permission)
    {
        if (permission.ResourceType != "*" && !SameType(permission.ResourceType, Type))
        {
            return false;
        }

        return Name is null || permission.ResourceId is null || permission.ResourceId == "*" || permission.ResourceName == "*"
            || string.Equals(permission.ResourceName, Name, StringComparison.Ordinal)
            || string.Equals(permission.ResourceId, Name, StringComparison.Ordinal);
    }

    public override string ToString() => Name is null ? Type : $"{Type}:{Name}";

    internal static bool IsDatabaseType(string type) => Canonical(type) == "database";

    private static bool SameType(string first, string second) => Canonical(first) == Canonical(second);

    private static string Canonical(string type)
    {
        var lower = type.ToLowerInvariant();
        if (lower.EndsWith('s'))
        {
            lower = lower[..^1];
        }

        return lower is "db" ? "database" : lower;
    }
}
