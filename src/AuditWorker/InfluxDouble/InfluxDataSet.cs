namespace TokenGovernance.AuditWorker.InfluxDouble;

/// <summary>The state an <see cref="InfluxApiDouble"/> serves: orgs, users, buckets and authorizations with raw token values.</summary>
public sealed class InfluxDataSet
{
    public List<DoubleOrganization> Organizations { get; } = [];

    public List<DoubleUser> Users { get; } = [];

    public List<DoubleBucket> Buckets { get; } = [];

    public List<DoubleAuthorization> Authorizations { get; } = [];

    /// <summary>What <c>GET /api/v2/resources</c> answers (OSS 2.7's list).</summary>
    public List<string> ResourceTypes { get; } =
    [
        "authorizations", "buckets", "dashboards", "orgs", "sources", "tasks", "telegrafs", "users", "variables", "scrapers",
        "secrets", "labels", "views", "documents", "notificationRules", "notificationEndpoints", "checks", "dbrp",
        "notebooks", "annotations", "remotes", "replications", "instance",
    ];

    public DoubleAuthorization? FindByToken(string token) =>
        Authorizations.FirstOrDefault(authorization => string.Equals(authorization.Token, token, StringComparison.Ordinal));

    public DoubleUser? FindUser(string? id) => Users.FirstOrDefault(user => user.Id == id && !user.Deleted);

    public DoubleOrganization? FindOrganization(string? id) => Organizations.FirstOrDefault(org => org.Id == id && !org.Deleted);

    public DoubleBucket? FindBucket(string? id) => Buckets.FirstOrDefault(bucket => bucket.Id == id && !bucket.Deleted);
}

public sealed class DoubleOrganization
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public bool Deleted { get; set; }
}

public sealed class DoubleUser
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Status { get; set; } = "active";

    /// <summary>Deleted users answer 404 and, on OSS, their tokens vanish from the list.</summary>
    public bool Deleted { get; set; }
}

public sealed class DoubleBucket
{
    public required string Id { get; init; }

    public required string OrgId { get; init; }

    public required string Name { get; init; }

    public bool Deleted { get; set; }
}

public sealed class DoubleAuthorization
{
    public required string Id { get; init; }

    /// <summary>The raw token value (served as-is by OSS 2.7 only).</summary>
    public required string Token { get; init; }

    public string Status { get; set; } = "active";

    public string Description { get; set; } = string.Empty;

    public required string OrgId { get; init; }

    public required string UserId { get; init; }

    public List<DoublePermission> Permissions { get; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActive => Status == "active";

    /// <summary>Operator-like tokens see every user's tokens; others see their own user's only.</summary>
    public bool CanReadAllAuthorizations =>
        Permissions.Any(permission => permission.Action == "read" && permission.Type == "authorizations" && permission.OrgId is null && permission.Id is null);
}

public sealed record DoublePermission(string Action, string Type, string? Id = null, string? OrgId = null);
