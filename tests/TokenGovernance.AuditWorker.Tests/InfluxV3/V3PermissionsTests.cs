using TokenGovernance.Audit.InfluxV3;
using TokenGovernance.Audit.References;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>The <c>permissions</c> column as the server prints it, and the hash prefix as the server lists it.</summary>
public sealed class V3PermissionsTests
{
    [Theory]
    [InlineData("*:*:*", "read */, write */")]
    [InlineData("db:telemetry:write", "write databases/telemetry")]
    [InlineData("db:a,b:read,write", "read databases/a, read databases/b, write databases/a, write databases/b")]
    [InlineData("db:*:read", "read databases/")]
    [InlineData("db:x:*", "create databases/x, delete databases/x, describe databases/x, read databases/x, write databases/x")]
    [InlineData("system:health,metrics:read", "read system/health, read system/metrics")]
    [InlineData("system:*:read", "read system/")]
    [InlineData("db:a:read system:health:read", "read databases/a, read system/health")]
    [InlineData("db:a:read,db:b:write", "read databases/a, write databases/b")]
    [InlineData("db:a:read;system:*:read", "read databases/a, read system/")]
    [InlineData("", "")]
    public void The_server_s_formats_are_read(string text, string expected)
    {
        var permissions = V3Permissions.Parse(text);

        Assert.NotNull(permissions);
        Assert.Equal(expected, string.Join(", ", permissions.Select(permission => $"{permission.Action} {permission.ResourceType}/{permission.ResourceId}").Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("database=telemetry")]
    [InlineData("db:telemetry")]
    [InlineData("db::read")]
    [InlineData("bucket:x:read")]
    [InlineData("db:a:read garbage")]
    public void Anything_else_is_not_guessed(string text)
    {
        Assert.Null(V3Permissions.Parse(text));
    }

    [Fact]
    public void The_hash_prefix_is_the_first_9_hex_characters_of_the_sha512()
    {
        // python3 -c "import hashlib; print(hashlib.sha512(b'apiv3_canary-value').hexdigest()[:9])"
        Assert.Equal("0d50e0a18", TokenHashes.Sha512Prefix("apiv3_canary-value"));
        Assert.Equal("0d50e0a18", TokenHashes.Normalize(" 0D50E0A18 "));
        Assert.Equal("0d50e0a18", TokenHashes.Normalize("0d50e0a18ffee"));
        Assert.Null(TokenHashes.Normalize("0d50"));
        Assert.Null(TokenHashes.Normalize(null));
    }
}
