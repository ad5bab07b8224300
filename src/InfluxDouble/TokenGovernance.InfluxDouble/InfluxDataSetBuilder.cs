using System.Globalization;
using System.Security.Cryptography;

namespace TokenGovernance.InfluxDouble;

/// <summary>Builds data sets for the double in a few readable lines (tests, benchmarks and the demo share it).</summary>
public sealed class InfluxDataSetBuilder
{
    private readonly InfluxDataSet _data = new();
    private long _nextId;
    private DateTimeOffset _now;

    public InfluxDataSetBuilder(DateTimeOffset now, long firstId = 0x0c4e2a1b3d5f0001)
    {
        _now = now;
        _nextId = firstId;
    }

    public DateTimeOffset Now => _now;

    public DoubleOrganization Organization(string name)
    {
        var org = new DoubleOrganization { Id = NextId(), Name = name };
        _data.Organizations.Add(org);
        return org;
    }

    public DoubleUser User(string name, string status = "active")
    {
        var user = new DoubleUser { Id = NextId(), Name = name, Status = status };
        _data.Users.Add(user);
        return user;
    }

    public DoubleBucket Bucket(DoubleOrganization org, string name)
    {
        var bucket = new DoubleBucket { Id = NextId(), OrgId = org.Id, Name = name };
        _data.Buckets.Add(bucket);
        return bucket;
    }

    /// <summary>A token of <paramref name="owner"/> in <paramref name="org"/>; <paramref name="token"/> defaults to a fresh v2-shaped value.</summary>
    public DoubleAuthorization Token(DoubleUser owner, DoubleOrganization org, string description, Action<PermissionList> permissions, string? token = null)
    {
        var authorization = new DoubleAuthorization
        {
            Id = NextId(),
            Token = token ?? NewTokenValue(),
            OrgId = org.Id,
            UserId = owner.Id,
            Description = description,
            CreatedAt = _now.AddDays(-30),
            UpdatedAt = _now.AddDays(-30),
        };
        permissions(new PermissionList(authorization, org, owner, _data));
        _data.Authorizations.Add(authorization);
        return authorization;
    }

    /// <summary>An InfluxDB 3 token: admin (<c>*:*:*</c>, the default) or resource permissions as the server prints them.</summary>
    public DoubleV3Token V3Token(string name, string permissions = "*:*:*", DateTimeOffset? expiry = null, string? token = null)
    {
        var row = new DoubleV3Token
        {
            Id = (ulong)_data.V3Tokens.Count,
            Name = name,
            Token = token ?? NewV3TokenValue(),
            Permissions = permissions,
            CreatedAt = _now.AddDays(-30),
            Expiry = expiry,
        };
        _data.V3Tokens.Add(row);
        return row;
    }

    /// <summary>A Dedicated / Clustered database token with <c>(action, database-or-*)</c> permissions.</summary>
    public DoubleDatabaseToken DatabaseToken(string description, params (string Action, string Resource)[] permissions)
    {
        var token = new DoubleDatabaseToken { Id = NewUuid(), Description = description, CreatedAt = _now.AddDays(-30) };
        token.Permissions.AddRange(permissions);
        _data.DatabaseTokens.Add(token);
        return token;
    }

    /// <summary><c>apiv3_</c> and URL-safe unpadded base64 of 64 random bytes, as InfluxDB 3 makes them.</summary>
    public static string NewV3TokenValue() =>
        "apiv3_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string NewUuid() => Guid.NewGuid().ToString("D");

    public InfluxDataSet Build() => _data;

    public string NextId() => (_nextId++).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>64 random bytes as URL-safe base64 with padding: the v2 token shape (88 characters).</summary>
    public static string NewTokenValue() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).Replace('+', '-').Replace('/', '_');

    /// <summary>Fluent permission helpers named after what users create in the UI and CLI.</summary>
    public sealed class PermissionList(DoubleAuthorization authorization, DoubleOrganization org, DoubleUser owner, InfluxDataSet data)
    {
        public PermissionList Read(DoubleBucket bucket) => Add("read", "buckets", bucket.Id, bucket.OrgId);

        public PermissionList Write(DoubleBucket bucket) => Add("write", "buckets", bucket.Id, bucket.OrgId);

        public PermissionList OrgWide(string action, string type) => Add(action, type, null, org.Id);

        public PermissionList Add(string action, string type, string? id, string? orgId)
        {
            authorization.Permissions.Add(new DoublePermission(action, type, id, orgId));
            return this;
        }

        /// <summary>The UI's All Access token: read+write on every type of the org; orgs read-only on the org; users on the owner.</summary>
        public PermissionList AllAccess()
        {
            foreach (var type in data.ResourceTypes.Where(type => type is not ("instance" or "orgs" or "users")))
            {
                OrgWide("read", type).OrgWide("write", type);
            }

            return Add("read", "orgs", org.Id, null).Add("read", "users", owner.Id, null).Add("write", "users", owner.Id, null);
        }

        /// <summary>The setup (operator) token: read+write on every type except instance, with no org and no id.</summary>
        public PermissionList Operator()
        {
            foreach (var type in data.ResourceTypes.Where(type => type != "instance"))
            {
                Add("read", type, null, null).Add("write", type, null, null);
            }

            return this;
        }
    }
}
