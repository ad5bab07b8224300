using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>
/// The InfluxDB 3, Cloud Dedicated and Clustered rules against the double: each fires on its case and on nothing else,
/// and the generic rules (TG2008, TG2009) apply wherever the product has the fields.
/// </summary>
public sealed class V3RuleTests
{
    private static readonly DateTimeOffset Now = V3Data.Now;

    public static TheoryData<string, InfluxDoubleMode, string[]> V3Cases() => new()
    {
        { "baseline", InfluxDoubleMode.V3Enterprise, [] },
        { "baseline", InfluxDoubleMode.V3Core, [] },
        { "without-auth", InfluxDoubleMode.V3Core, ["TG2101"] },
        { "named-admin-without-expiry", InfluxDoubleMode.V3Core, ["TG2102"] },
        { "three-admins", InfluxDoubleMode.V3Enterprise, ["TG2103"] },
        { "all-databases-write", InfluxDoubleMode.V3Enterprise, ["TG2104"] },
        { "all-databases-all-actions", InfluxDoubleMode.V3Enterprise, ["TG2104"] },
        { "expires-in-3-days", InfluxDoubleMode.V3Enterprise, ["TG2105"] },
        { "expired-200-days-ago", InfluxDoubleMode.V3Enterprise, ["TG2106"] },
        { "expired-10-days-ago", InfluxDoubleMode.V3Enterprise, [] },
        { "expired-at-creation", InfluxDoubleMode.V3Enterprise, ["TG2107"] },
        { "created-400-days-ago", InfluxDoubleMode.V3Enterprise, ["TG2008"] },
        { "no-description", InfluxDoubleMode.V3Enterprise, ["TG2009"] },
        { "several-permissions", InfluxDoubleMode.V3Enterprise, [] },
    };

    [Theory]
    [MemberData(nameof(V3Cases))]
    public async Task An_influxdb3_rule_fires_on_its_case_and_on_nothing_else(string @case, InfluxDoubleMode mode, string[] expected)
    {
        var data = V3Data.V3((builder, set) => AddV3Case(@case, builder, set));
        await using var harness = await AuditHarness.StartAsync(mode, data);

        var result = await harness.AuditAsync();

        Assert.True(result.Outcome == AuditOutcome.Success, result.Error);
        Assert.Equal("influxdb3", result.Kind);
        Assert.Equal(mode == InfluxDoubleMode.V3Core ? "core" : "enterprise", result.Flavor);
        Assert.Equal(expected, result.Findings.Select(finding => finding.Rule.Id).Distinct().Order());
    }

    public static TheoryData<string, InfluxDoubleMode, string[]> ManagementCases()
    {
        var data = new TheoryData<string, InfluxDoubleMode, string[]>();
        foreach (var mode in new[] { InfluxDoubleMode.CloudDedicated, InfluxDoubleMode.Clustered })
        {
            data.Add("baseline", mode, []);
            data.Add("write-every-database", mode, ["TG2104"]);
            data.Add("expires-in-3-days", mode, ["TG2105"]);
            data.Add("revoked-200-days-ago", mode, ["TG2106"]);
            data.Add("revoked-10-days-ago", mode, []);
            data.Add("expired-at-creation", mode, ["TG2107"]);
            data.Add("created-400-days-ago", mode, ["TG2008"]);
            data.Add("no-description", mode, ["TG2009"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManagementCases))]
    public async Task A_dedicated_or_clustered_rule_fires_on_its_case_and_on_nothing_else(string @case, InfluxDoubleMode mode, string[] expected)
    {
        var data = V3Data.Management((builder, _) => AddManagementCase(@case, builder));
        await using var harness = await AuditHarness.StartAsync(mode, data);

        var result = await harness.AuditAsync();

        Assert.True(result.Outcome == AuditOutcome.Success, result.Error);
        Assert.Equal(mode == InfluxDoubleMode.CloudDedicated ? "cloud-dedicated" : "clustered", result.Kind);
        Assert.Equal(expected, result.Findings.Select(finding => finding.Rule.Id).Distinct().Order());
    }

    [Fact]
    public async Task The_admin_token_count_honours_MaxAdminTokens_and_leaves_expired_admins_out()
    {
        var data = V3Data.V3((builder, _) =>
        {
            builder.Described("ci", expiry: Now.AddDays(30));
            builder.Described("gone", expiry: Now.AddDays(-1));
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Enterprise, data);
        harness.Settings["Policy:MaxAdminTokens"] = "1";

        var result = await harness.AuditAsync();

        var finding = Assert.Single(result.Findings, finding => finding.Rule.Id == "TG2103");
        Assert.Contains("2 working admin tokens ('_admin', 'ci')", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_map_to_the_neutral_model_with_their_names_kinds_and_database_permissions()
    {
        var data = V3Data.V3((builder, _) => builder.Described("mixed", "db:a,b:read,write system:health:read", Now.AddDays(60)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Enterprise, data);

        var report = await harness.RunAsync(AuditDetail.Tokens);

        var tokens = Assert.Single(report.Targets).Tokens!;
        Assert.Equal(["admin", "resource", "resource"], tokens.OrderBy(token => token.Id).Select(token => token.Kind));
        var mixed = Assert.Single(tokens, token => token.Name == "mixed");
        Assert.Equal(
            ["read databases/a", "read databases/b", "read system/health", "write databases/a", "write databases/b"],
            mixed.Permissions.Select(permission => $"{permission.Action} {permission.ResourceType}/{permission.ResourceId}").Order());
        Assert.Equal("write", mixed.Access);
        Assert.Equal("none", mixed.OwnerKind);
        Assert.Equal(Now.AddDays(60).ToUnixTimeMilliseconds(), mixed.ExpiresAt!.Value.ToUnixTimeMilliseconds());
    }

    private static void AddV3Case(string @case, InfluxDataSetBuilder builder, InfluxDataSet data)
    {
        switch (@case)
        {
            case "baseline":
                break;
            case "without-auth":
                data.WithoutAuth = true;
                break;
            case "named-admin-without-expiry":
                builder.Described("ops-break-glass");
                break;
            case "three-admins":
                builder.Described("ci-admin", expiry: Now.AddDays(30));
                builder.Described("ops-admin", expiry: Now.AddDays(30));
                break;
            case "all-databases-write":
                builder.Described("ingest", "db:*:write", Now.AddDays(60));
                break;
            case "all-databases-all-actions":
                builder.Described("ingest", "db:*:*", Now.AddDays(60));
                break;
            case "expires-in-3-days":
                builder.Described("reader", "db:telemetry:read", Now.AddDays(3));
                break;
            case "expired-200-days-ago":
                builder.Described("old", "db:billing:write", Now.AddDays(-200)).CreatedAt = Now.AddDays(-300);
                break;
            case "expired-10-days-ago":
                builder.Described("recent", "db:billing:write", Now.AddDays(-10)).CreatedAt = Now.AddDays(-300);
                break;
            case "expired-at-creation":
                var broken = builder.Described("broken", "system:health:read");
                broken.Expiry = broken.CreatedAt;
                break;
            case "created-400-days-ago":
                builder.Described("ancient", "db:telemetry:read", Now.AddDays(60)).CreatedAt = Now.AddDays(-400);
                break;
            case "no-description":
                builder.V3Token("anonymous", "db:telemetry:read", Now.AddDays(60));
                break;
            case "several-permissions":
                builder.Described("mixed", "db:a,b:read,write system:health,metrics:read", Now.AddDays(60));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }

    private static void AddManagementCase(string @case, InfluxDataSetBuilder builder)
    {
        switch (@case)
        {
            case "baseline":
                break;
            case "write-every-database":
                builder.DatabaseToken("ingest", ("write", "*"), ("read", "*"));
                break;
            case "expires-in-3-days":
                builder.DatabaseToken("reader", ("read", "telemetry")).ExpiresAt = Now.AddDays(3);
                break;
            case "revoked-200-days-ago":
                var old = builder.DatabaseToken("old writer", ("write", "telemetry"));
                old.CreatedAt = Now.AddDays(-300);
                old.RevokedAt = Now.AddDays(-200);
                break;
            case "revoked-10-days-ago":
                var recent = builder.DatabaseToken("recent writer", ("write", "*"));
                recent.CreatedAt = Now.AddDays(-300);
                recent.RevokedAt = Now.AddDays(-10);
                break;
            case "expired-at-creation":
                var broken = builder.DatabaseToken("broken", ("read", "telemetry"));
                broken.ExpiresAt = broken.CreatedAt;
                break;
            case "created-400-days-ago":
                builder.DatabaseToken("ancient", ("read", "telemetry")).CreatedAt = Now.AddDays(-400);
                break;
            case "no-description":
                builder.DatabaseToken(string.Empty, ("read", "telemetry"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, null);
        }
    }
}
