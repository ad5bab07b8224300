namespace TokenGovernance.InfluxDouble;

/// <summary>
/// The demo's InfluxDB 3 Enterprise server: the operator token the audit uses, a break-glass admin token that never
/// expires, one admin token too many, resource tokens scoped well and badly, one about to expire, one expired long ago
/// (and still wired into an app's env file), and one that expired at creation (influxdata/influxdb#27620).
/// </summary>
public static class DemoV3DataSet
{
    public const string ExpiredTokenName = "old-backfill";

    public static InfluxDataSet Create(DateTimeOffset now, out string auditToken)
    {
        var data = new InfluxDataSetBuilder(now);
        var admin = data.V3Token("_admin");
        admin.Description = "operator token (tokengov audit)";
        admin.CreatedAt = now.AddDays(-120);
        data.V3Token("ops-break-glass").Description = "break-glass access for the on-call engineer";
        data.V3Token("ci-admin", expiry: now.AddDays(90)).Description = "CI: creates databases for test runs";
        data.V3Token("telegraf-writer", "db:telemetry:write").Description = "telegraf: write telemetry";
        data.V3Token("ingest-any", "db:*:write").Description = "ingest gateway";
        data.V3Token("grafana-reader", "db:telemetry,billing:read", expiry: now.AddDays(5)).Description = "grafana dashboards";
        var expired = data.V3Token(ExpiredTokenName, "db:billing:write", expiry: now.AddDays(-200));
        expired.Description = "one-off billing backfill";
        expired.CreatedAt = now.AddDays(-260);
        var broken = data.V3Token("metrics-scraper", "system:health,metrics:read");
        broken.Expiry = broken.CreatedAt;
        auditToken = admin.Token;
        return data.Build();
    }
}
