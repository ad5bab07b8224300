using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>
/// Clean baselines that no rule fires on, one per product family: every case adds one token (or setting) to its
/// baseline, so "fires on its case and on nothing else" is one comparison of rule sets.
/// </summary>
internal static class V3Data
{
    public static DateTimeOffset Now => TestData.Now;

    /// <summary>InfluxDB 3: the operator token and a well-scoped, described resource token that expires in 60 days.</summary>
    public static InfluxDataSet V3(Action<InfluxDataSetBuilder, InfluxDataSet>? add = null)
    {
        var builder = new InfluxDataSetBuilder(Now);
        builder.V3Token("_admin").Description = "operator token of the audit";
        builder.V3Token("telegraf", "db:telemetry:write", expiry: Now.AddDays(60)).Description = "telegraf: write telemetry";
        var data = builder.Build();
        add?.Invoke(builder, data);
        return data;
    }

    /// <summary>Dedicated / Clustered: one described read token on one database, without expiry.</summary>
    public static InfluxDataSet Management(Action<InfluxDataSetBuilder, InfluxDataSet>? add = null)
    {
        var builder = new InfluxDataSetBuilder(Now);
        builder.DatabaseToken("grafana: read telemetry", ("read", "telemetry"));
        var data = builder.Build();
        add?.Invoke(builder, data);
        return data;
    }

    /// <summary>A described InfluxDB 3 token.</summary>
    public static DoubleV3Token Described(this InfluxDataSetBuilder builder, string name, string permissions = "*:*:*", DateTimeOffset? expiry = null)
    {
        var token = builder.V3Token(name, permissions, expiry);
        token.Description = name + ": what uses it";
        return token;
    }
}
