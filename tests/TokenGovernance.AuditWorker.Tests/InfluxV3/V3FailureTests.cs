using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>
/// An InfluxDB 3, Dedicated or Clustered target that cannot be read fails visibly, as a v2 one does: a failed result
/// with one line that names the call and the cause, no findings (never "clean"), and the token nowhere.
/// </summary>
public sealed class V3FailureTests
{
    public static TheoryData<InfluxDoubleMode, string, FaultKind, string> Faults()
    {
        var data = new TheoryData<InfluxDoubleMode, string, FaultKind, string>();
        foreach (var (mode, path, call) in new[]
        {
            (InfluxDoubleMode.V3Enterprise, "/api/v3/query_sql", "GET /api/v3/query_sql"),
            (InfluxDoubleMode.CloudDedicated, "/api/v0/accounts", "GET /api/v0/accounts/"),
            (InfluxDoubleMode.Clustered, "/api/v0/tokens", "GET /api/v0/tokens"),
        })
        {
            data.Add(mode, path, FaultKind.ServiceUnavailable, call);
            data.Add(mode, path, FaultKind.TruncatedJson, call);
            data.Add(mode, path, FaultKind.InvalidJson, call);
            data.Add(mode, path, FaultKind.Unauthorized, call);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_failing_call_fails_the_target_with_one_line_naming_it(InfluxDoubleMode mode, string path, FaultKind fault, string call)
    {
        var data = mode.IsV3() ? V3Data.V3() : V3Data.Management();
        await using var harness = await AuditHarness.StartAsync(mode, data);
        harness.Server.Faults.Add(new Fault(path, fault));

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Empty(result.Findings);
        Assert.StartsWith("target 'test': " + call, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
        Assert.DoesNotContain("SELECT", result.Error!, StringComparison.Ordinal);
        CanaryAssert.NoTokenIn(result.Error! + harness.Logs.Text, Values(data), "the error and the log");
    }

    [Theory]
    [InlineData(InfluxDoubleMode.CloudDedicated, "WRITE")]
    [InlineData(InfluxDoubleMode.Clustered, "admin")]
    public async Task A_management_permission_with_an_unknown_action_fails_the_target_instead_of_passing_the_rules(InfluxDoubleMode mode, string action)
    {
        var data = V3Data.Management((builder, _) => builder.DatabaseToken("odd writer", (action, "*")));
        await using var harness = await AuditHarness.StartAsync(mode, data);

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Empty(result.Findings);
        Assert.Contains($"has the unknown permission action '{action}' (the management API grants 'read' and 'write')", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_audit_token_says_what_token_listing_needs()
    {
        var data = V3Data.V3();
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Core, data);
        harness.Settings["Targets:0:TokenFile"] = new TempDirectory().File("wrong", InfluxDataSetBuilder.NewV3TokenValue() + "\n");

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Contains("returned 401 Unauthorized (the request was not authenticated): the audit token was rejected (listing tokens needs an admin token)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_token_without_internal_read_is_refused_with_what_it_lacks()
    {
        var data = V3Data.V3((builder, _) => builder.Described("reader", "db:telemetry:read"));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Enterprise, data);
        harness.Settings["Targets:0:TokenFile"] = new TempDirectory().File("reader", data.V3Tokens.Single(row => row.Name == "reader").Token + "\n");

        var result = await harness.AuditAsync();

        Assert.Contains("403 Forbidden", result.Error, StringComparison.Ordinal);
        Assert.Contains("read access to the _internal database", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dedicated_cluster_the_account_does_not_have_is_a_404_naming_the_ids_to_check()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.CloudDedicated, V3Data.Management());
        harness.Settings["Targets:0:ClusterId"] = "44444444-4444-4444-8444-444444444444";

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Contains("/clusters/44444444-4444-4444-8444-444444444444/tokens returned 404", result.Error, StringComparison.Ordinal);
        Assert.Contains("check AccountId and ClusterId", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permissions_in_an_unknown_format_fail_the_read_instead_of_being_guessed()
    {
        var data = V3Data.V3((builder, _) => builder.Described("odd", "database=telemetry;mode=rw"));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Enterprise, data);

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Contains("token 2 has permissions in an unknown format", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v2_server_behind_an_influxdb3_target_is_named_as_no_query_api()
    {
        var v2 = new TestData();
        await using var server = await InfluxApiDouble.StartAsync(v2.Data, InfluxDoubleMode.Oss29);
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Core, V3Data.V3());
        harness.Settings["Targets:0:Url"] = server.Url.ToString();

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
        Assert.Contains("is it an InfluxDB 3 Core or Enterprise server?", result.Error, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Values(InfluxDataSet data) =>
        data.V3Tokens.Select(row => row.Token).Append(data.ManagementToken);
}
