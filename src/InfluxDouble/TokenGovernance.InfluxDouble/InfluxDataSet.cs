namespace TokenGovernance.InfluxDouble;

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

    private Index<DoubleAuthorization>? _byToken;
    private Index<DoubleUser>? _users;
    private Index<DoubleOrganization>? _organizations;
    private Index<DoubleBucket>? _buckets;

    public DoubleAuthorization? FindByToken(string token) =>
        Index.Of(ref _byToken, Authorizations, authorization => authorization.Token).Find(token);

    public DoubleUser? FindUser(string? id) => Index.Of(ref _users, Users, user => user.Id).Find(id) is { Deleted: false } user ? user : null;

    public DoubleOrganization? FindOrganization(string? id) =>
        Index.Of(ref _organizations, Organizations, org => org.Id).Find(id) is { Deleted: false } org ? org : null;

    public DoubleBucket? FindBucket(string? id) => Index.Of(ref _buckets, Buckets, bucket => bucket.Id).Find(id) is { Deleted: false } bucket ? bucket : null;

    /// <summary>A lookup rebuilt when its list grew, so benchmarks with 100,000 tokens stay linear.</summary>
    private sealed class Index<T>(Dictionary<string, T> items, int count)
    {
        public int Count { get; } = count;

        public T? Find(string? key) => key is not null && items.TryGetValue(key, out var item) ? item : default;
    }

    private static class Index
    {
        public static Index<T> Of<T>(ref Index<T>? index, List<T> list, Func<T, string> key)
        {
            var current = index;
            if (current is null || current.Count != list.Count)
            {
                var items = new Dictionary<string, T>(list.Count, StringComparer.Ordinal);
                foreach (var item in list)
                {
                    items.TryAdd(key(item), item);
                }

                current = new Index<T>(items, list.Count);
                index = current;
            }

            return current;
        }
    }
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

    /// <summary>Operator-like tokens change every user's tokens; others only their own user's.</summary>
    public bool CanWriteAllAuthorizations =>
        Permissions.Any(permission => permission.Action == "write" && permission.Type == "authorizations" && permission.OrgId is null && permission.Id is null);

    /// <summary>Operator-like tokens see every user's tokens; others see their own user's only.</summary>
    public bool CanReadAllAuthorizations =>
        Permissions.Any(permission => permission.Action == "read" && permission.Type == "authorizations" && permission.OrgId is null && permission.Id is null);
}

public sealed record DoublePermission(string Action, string Type, string? Id = null, string? OrgId = null);
