namespace TokenGovernance.InfluxDouble;

/// <summary>The state an <see cref="InfluxApiDouble"/> serves: orgs, users, buckets and authorizations with raw token values.</summary>
public sealed class InfluxDataSet
{
    public List<DoubleOrganization> Organizations { get; } = [];

    public List<DoubleUser> Users { get; } = [];

    public List<DoubleBucket> Buckets { get; } = [];

    public List<DoubleAuthorization> Authorizations { get; } = [];

    /// <summary>InfluxDB 3 Core/Enterprise: the rows of <c>system.tokens</c>, with their raw values.</summary>
    public List<DoubleV3Token> V3Tokens { get; } = [];

    /// <summary>InfluxDB 3: started with <c>--without-auth</c>: every request is answered, none is checked.</summary>
    public bool WithoutAuth { get; set; }

    /// <summary>Cloud Dedicated / Clustered: the database tokens of the one cluster served.</summary>
    public List<DoubleDatabaseToken> DatabaseTokens { get; } = [];

    /// <summary>Cloud Dedicated: the account and cluster the management API answers for.</summary>
    public string AccountId { get; set; } = "11111111-1111-4111-8111-111111111111";

    public string ClusterId { get; set; } = "33333333-3333-4333-8333-333333333333";

    /// <summary>Cloud Dedicated / Clustered: the management token the API accepts.</summary>
    public string ManagementToken { get; set; } = "mgmt_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

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

    /// <summary>Forgets the lookups after a list changed without changing its length (a token deleted, another created).</summary>
    public void Changed()
    {
        _byToken = null;
        _users = null;
        _organizations = null;
        _buckets = null;
    }

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

/// <summary>A row of <c>system.tokens</c> (InfluxDB 3 Core/Enterprise) with the raw value only the double knows.</summary>
public sealed class DoubleV3Token
{
    public required ulong Id { get; init; }

    public required string Name { get; init; }

    /// <summary><c>apiv3_…</c>; the server stores only its SHA-512 and lists the first 9 hex characters.</summary>
    public required string Token { get; init; }

    /// <summary><c>*:*:*</c> for admin tokens, else <c>db:NAMES:ACTIONS</c> and <c>system:NAMES:read</c>, space-separated.</summary>
    public string Permissions { get; set; } = "*:*:*";

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Null: never expires.</summary>
    public DateTimeOffset? Expiry { get; set; }

    public ulong? CreatedBy { get; set; }

    public bool IsAdmin => Permissions == "*:*:*";

    public string HashPrefix => Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(Token)))[..9];
}

/// <summary>A Cloud Dedicated / Clustered database token.</summary>
public sealed class DoubleDatabaseToken
{
    public required string Id { get; init; }

    public string Description { get; set; } = string.Empty;

    /// <summary>(action, resource): <c>read</c>/<c>write</c> on a database name or <c>*</c>.</summary>
    public List<(string Action, string Resource)> Permissions { get; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
