using System.Net;
using System.Text.Json;
using TokenGovernance.AuditWorker.Tests.Listing;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Worker;

/// <summary><c>GET /tokens</c> and <c>tokengov_tokens</c> on the real worker host.</summary>
[Collection(WorkerHostCollection.Name)]
public class TokensEndpointTests
{
    [Fact]
    public async Task Tokens_is_off_by_default_but_the_breakdown_metric_is_always_there()
    {
        await using var worker = await WorkerUnderTest.CreateAsync(InfluxDoubleMode.Oss29, ListingData.Create());
        worker.Settings["Policy:AdminUsers:Names:0"] = "admin";
        await worker.StartAsync();
        var metrics = await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 1);

        var closed = await worker.GetAsync("/tokens");
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Contains("TokenGovernance:Http:ExposeTokens=true", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        double Tokens(string ownerKind, string access, string status) =>
            metrics.Value("tokengov_tokens", ("target", "test"), ("owner_kind", ownerKind), ("access", access), ("status", status)) ?? 0;
        Assert.Equal(2, Tokens("generic", "write", "active"));
        Assert.Equal(2, Tokens("personal", "write", "active"));
        Assert.Equal(2, Tokens("personal", "read", "active"));
        Assert.Equal(1, Tokens("personal", "write", "inactive"));
        Assert.Equal(1, Tokens("admin", "admin", "active"));
        Assert.Equal(8, metrics.Named("tokengov_tokens").Sum(sample => sample.Value));
        Assert.All(metrics.Named("tokengov_tokens"), sample => Assert.Equal(["access", "kind", "owner_kind", "status", "target"], sample.Labels.Keys.Where(key => !key.StartsWith("otel_", StringComparison.Ordinal)).Order()));
    }

    [Fact]
    public async Task Tokens_serves_the_snapshot_with_the_cli_s_filters_and_formats()
    {
        await using var worker = await WorkerUnderTest.CreateAsync(InfluxDoubleMode.Oss27, ListingData.Create());
        worker.Settings["Http:ExposeTokens"] = "true";
        await worker.StartAsync();
        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 1);

        var response = await worker.GetAsync("/tokens?user=alice&can=write&status=active");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var token = Assert.Single(json.RootElement.GetProperty("tokens").EnumerateArray());
        Assert.Equal("alice telemetry writer", token.GetProperty("description").GetString());
        // Findings come with firstSeen from the findings history.
        Assert.All(token.GetProperty("findings").EnumerateArray(), finding => Assert.True(finding.TryGetProperty("firstSeen", out _)));

        var csv = await worker.GetAsync("/tokens?owner=generic&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var bad = await worker.GetAsync("/tokens?status=gone");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("status 'gone' is not active, inactive, expired or revoked\n", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.GetAsync("/tokens?format=sarif")).StatusCode);

        foreach (var path in new[] { "/tokens", "/tokens?format=csv", "/tokens?format=table" })
        {
            CanaryAssert.NoTokenIn(await worker.Http.GetStringAsync(path), worker.Data.AllTokenValues, path);
        }
    }
}
