using TokenGovernance.Audit.InfluxV2;

namespace TokenGovernance.AuditWorker.Tests.Influx;

public class PermissionPoolTests
{
    [Fact]
    public void Equal_pooled_fields_share_one_permission_and_anything_else_gets_its_own()
    {
        var pool = new PermissionPool();
        string read = "read", buckets = "buckets", org = "0c4e2a1b3d5f0001";

        var first = pool.Get(read, buckets, org, "acme", null, null);
        var second = pool.Get(read, buckets, org, "acme", null, null);
        var write = pool.Get("write", buckets, org, "acme", null, null);
        var bucket = pool.Get(read, buckets, org, "acme", "0c4e2a1b3d5f0002", "telemetry");
        // An equal value in another string instance is still right, only not shared.
        var copy = pool.Get(new string(read.AsSpan()), buckets, org, "acme", null, null);

        Assert.Same(first, second);
        Assert.NotSame(first, write);
        Assert.NotSame(first, bucket);
        Assert.Equal(("read", "buckets", org, "acme", (string?)null, (string?)null), (copy.Action, copy.ResourceType, copy.ScopeId, copy.ScopeName, copy.ResourceId, copy.ResourceName));
        Assert.Equal(("write", "telemetry"), (write.Action, bucket.ResourceName));
    }
}
