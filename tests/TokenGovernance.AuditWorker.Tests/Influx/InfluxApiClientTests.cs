using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.InfluxV2;
using TokenGovernance.Audit.Model;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Influx;

public class InfluxApiClientTests
{
    [Fact]
    public async Task Oss27_returns_values_that_are_kept_only_as_fingerprints()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Success, result.Outcome);
        Assert.Equal("oss", result.Flavor);
        Assert.True(result.TokenValuesVisible);
        var listed = await ListAsync(harness);
        var audit = Assert.Single(listed, authorization => authorization.Id == harness.TestData.AuditToken.Id);
        Assert.Equal(new TokenValue(TokenVisibility.Visible, TokenDetection.TokenRedaction.Fingerprint(harness.TestData.AuditToken.Token)), audit.Token);
    }

    [Fact]
    public async Task Oss29_hides_token_values()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss29);

        var result = await harness.AuditAsync();

        Assert.Equal("oss", result.Flavor);
        Assert.False(result.TokenValuesVisible);
        Assert.All(await ListAsync(harness), authorization => Assert.Equal(new TokenValue(TokenVisibility.Empty, null), authorization.Token));
    }

    private static async Task<List<InfluxAuthorization>> ListAsync(AuditHarness harness)
    {
        using var http = new HttpClient();
        return await new InfluxApiClient(http, harness.Server.Url, harness.TestData.AuditToken.Token).ListAuthorizationsAsync(null, CancellationToken.None);
    }

    [Fact]
    public async Task Cloud_is_detected_and_users_come_from_org_members()
    {
        var data = new TestData((builder, test) => builder.Token(test.Alice, test.Acme, "alice", permissions => permissions.Write(test.Telemetry)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Cloud, data);

        var result = await harness.AuditAsync();

        Assert.Equal("cloud", result.Flavor);
        Assert.False(result.TokenValuesVisible);
        Assert.Equal(0, harness.Server.Faults.RequestCount("/api/v2/users"));
        Assert.Equal(1, harness.Server.Faults.RequestCount($"/api/v2/orgs/{harness.TestData.Acme.Id}/members"));
        Assert.Contains(result.Findings, finding => finding.Rule.Id == "TG2001" && finding.User == "alice");
    }

    [Fact]
    public async Task Users_and_orgs_are_paged_to_the_end_with_limit_100()
    {
        var data = new TestData((builder, test) =>
        {
            for (var index = 0; index < 250; index++)
            {
                var user = builder.User($"user-{index:000}");
                builder.Token(user, test.Acme, "reader", permissions => permissions.Read(test.Telemetry));
            }

            for (var index = 0; index < 120; index++)
            {
                builder.Organization($"org-{index:000}");
            }
        });
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27, data);

        var result = await harness.AuditAsync();

        Assert.Equal(253, result.Users);
        Assert.Equal(121, result.Organizations);
        Assert.Equal(4, harness.Server.Faults.RequestCount("/api/v2/users"));
        Assert.Equal(0, result.Findings.Count(finding => finding.Rule.Id == "TG2003"));
        Assert.Equal(0, harness.Server.Faults.TotalRequests - harness.Server.Faults.RequestCount("/api/v2/users")
            - harness.Server.Faults.RequestCount("/api/v2/orgs") - 3);
    }

    [Fact]
    public async Task Org_filter_lists_authorizations_per_org_and_unknown_org_fails_the_target()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Settings["Targets:0:Orgs:0"] = "acme";
        Assert.Equal(AuditOutcome.Success, (await harness.AuditAsync()).Outcome);

        harness.Settings["Targets:0:Orgs:1"] = "nope";
        var failed = await harness.AuditAsync();
        Assert.Equal(AuditOutcome.Failure, failed.Outcome);
        Assert.Contains("'nope'", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Burst_of_503_is_retried()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Server.Faults.Add(new Fault("/api/v2/authorizations", FaultKind.ServiceUnavailable, Times: 2));

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Success, result.Outcome);
        Assert.Equal(3, harness.Server.Faults.RequestCount("/api/v2/authorizations"));
    }

    [Fact]
    public async Task Too_many_requests_honours_retry_after()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Cloud);
        harness.Server.Faults.Add(new Fault("/api/v2/orgs", FaultKind.TooManyRequests, Times: 1, RetryAfterSeconds: 1));

        var started = DateTime.UtcNow;
        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Success, result.Outcome);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry came before Retry-After");
    }

    public static TheoryData<FaultKind, string> Failures => new()
    {
        { FaultKind.ServiceUnavailable, "503" },
        { FaultKind.Unauthorized, "401 Unauthorized (unauthorized access): the audit token was rejected" },
        { FaultKind.Forbidden, "403 Forbidden (User is inactive)" },
        { FaultKind.InvalidJson, "malformed or truncated JSON" },
        { FaultKind.TruncatedJson, "GET /api/v2/authorizations" },
        { FaultKind.Garbage, "malformed or truncated JSON" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failing_call_fails_the_target_with_a_one_line_error(FaultKind kind, string expected)
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Settings["Client:MaxRetries"] = "1";
        harness.Server.Faults.Add(new Fault("/api/v2/authorizations", kind));

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Empty(result.Findings);
        Assert.StartsWith("target 'test': ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
        CanaryAssert.NoTokenIn(result.Error!, harness.TestData.AllTokenValues, "the error");
        CanaryAssert.NoTokenIn(harness.Logs.Text, harness.TestData.AllTokenValues, "the logs");
    }

    [Fact]
    public async Task Slow_response_times_out_per_attempt()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Settings["Client:MaxRetries"] = "1";
        harness.Settings["Client:AttemptTimeout"] = "00:00:00.5";
        harness.Settings["Client:TotalTimeout"] = "00:00:03";
        harness.Server.Faults.Add(new Fault("/api/v2/me", FaultKind.Slow, Delay: TimeSpan.FromSeconds(10)));

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Contains("GET /api/v2/me failed: timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_token_file_fails_the_target_without_a_call()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        var host = harness.BuildHost();
        File.WriteAllText(harness.TokenFile, "  \n");

        var result = await harness.AuditAsync();

        Assert.Equal(AuditOutcome.Failure, result.Outcome);
        Assert.Contains("is empty", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, harness.Server.Faults.TotalRequests);
        host.Dispose();
    }
}
