using System.Text.Json;
using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>
/// One configuration with a v2, an InfluxDB 3 Enterprise and a Cloud Dedicated target: one report, one SARIF log and
/// one set of metrics cover all three; an unreadable fourth target makes the run exit 2, never "clean".
/// </summary>
[Collection(WorkerHostCollection.Name)]
public class MixedTargetsTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly TestData _v2 = new((builder, test) => builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry)));
    private readonly InfluxDataSet _v3 = V3Data.V3((builder, _) => builder.Described("ingest", "db:*:write", TestData.Now.AddYears(1)));
    private readonly InfluxDataSet _dedicated = V3Data.Management((builder, _) => builder.DatabaseToken("gateway", ("write", "*")));
    private InfluxApiDouble _v2Server = null!;
    private InfluxApiDouble _v3Server = null!;
    private InfluxApiDouble _dedicatedServer = null!;

    public async Task InitializeAsync()
    {
        _v2Server = await InfluxApiDouble.StartAsync(_v2.Data, InfluxDoubleMode.Oss29);
        _v3Server = await InfluxApiDouble.StartAsync(_v3, InfluxDoubleMode.V3Enterprise);
        _dedicatedServer = await InfluxApiDouble.StartAsync(_dedicated, InfluxDoubleMode.CloudDedicated);
    }

    public async Task DisposeAsync()
    {
        await _v2Server.DisposeAsync();
        await _v3Server.DisposeAsync();
        await _dedicatedServer.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task One_report_and_one_sarif_log_cover_every_kind()
    {
        var config = Config(withUnreachable: false);

        var (exitCode, json, stderr) = await TokengovProcess.RunAsync(["audit", "--config", config, "--format", "json", "--fail-on", "none"]);
        var (sarifExit, sarif, _) = await TokengovProcess.RunAsync(["audit", "--config", config, "--format", "sarif", "--fail-on", "none"]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(0, sarifExit);
        var report = JsonNode.Parse(json)!;
        Assert.Equal(
            ["prod-v2:influxdb2:oss", "prod-v3:influxdb3:enterprise", "dedicated:cloud-dedicated:cloud-dedicated"],
            report["targets"]!.AsArray().Select(target => $"{target!["name"]}:{target["kind"]}:{target["flavor"]}"));
        var findings = report["findings"]!.AsArray().Select(finding => ((string)finding!["target"]!, (string)finding["ruleId"]!)).ToList();
        Assert.Contains(("prod-v2", "TG2001"), findings);
        Assert.Contains(("prod-v3", "TG2104"), findings);
        Assert.Contains(("dedicated", "TG2104"), findings);

        using var log = JsonDocument.Parse(sarif);
        var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        var sarifTargets = run.GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("partialFingerprints").GetProperty("tokengov/v1").GetString()!.Split('/')[0]).ToHashSet();
        Assert.Equal(["dedicated", "prod-v2", "prod-v3"], sarifTargets.Order());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), rule => rule.GetProperty("id").GetString() == "TG2104");
        CanaryAssert.NoTokenIn(json + sarif + stderr, Values(), "the report, the SARIF log and stderr");
    }

    [Fact]
    public async Task An_influxdb3_server_is_audited_from_the_command_line_with_kind()
    {
        var token = _directory.File("cli-v3-token", _v3.V3Tokens[0].Token);

        var (exitCode, json, stderr) = await TokengovProcess.RunAsync(
            ["audit", "--url", _v3Server.Url.ToString(), "--token-file", token, "--kind", "influxdb3", "--format", "json", "--fail-on", "none"]);

        Assert.True(exitCode == 0, stderr);
        var target = JsonNode.Parse(json)!["targets"]![0]!;
        Assert.Equal(("influxdb3", "enterprise"), ((string?)target["kind"], (string?)target["flavor"]));
        CanaryAssert.NoTokenIn(json + stderr, Values(), "the report and stderr");
    }

    [Fact]
    public async Task An_unreadable_target_among_them_is_exit_2_and_named()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--config", Config(withUnreachable: true), "--format", "json"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("target 'unreachable': GET /api/v3/query_sql failed", stderr, StringComparison.Ordinal);
    }

    /// <summary>A real <c>tokengov run</c> process (the native one in NativeMixedTargetsTests), audited once on start.</summary>
    [Fact]
    public async Task One_set_of_metrics_covers_every_kind()
    {
        await using var worker = WorkerProcess.Start(Config(withUnreachable: false));

        var metrics = await worker.WaitForAsync(
            scrape => new[] { "prod-v2", "prod-v3", "dedicated" }.All(target => scrape.Value("tokengov_audit_runs_total", ("target", target), ("outcome", "success")) >= 1),
            TimeSpan.FromSeconds(30),
            scrape => "not every target audited in the worker's metrics: " + (scrape is null ? "no scrape" : string.Join(", ", scrape.Named("tokengov_audit_runs_total").Select(sample => string.Join(' ', sample.Labels.Values)))));
        Assert.Equal(1, metrics.Value("tokengov_findings", ("target", "prod-v3"), ("rule", "TG2104"), ("severity", "high")));
        Assert.Equal(1, metrics.Value("tokengov_findings", ("target", "dedicated"), ("rule", "TG2104"), ("severity", "high")));
        Assert.Equal(2, metrics.Value("tokengov_authorizations", ("target", "prod-v2"), ("kind", "influxdb2"), ("status", "active")));
        Assert.Equal(3, metrics.Value("tokengov_authorizations", ("target", "prod-v3"), ("kind", "influxdb3"), ("status", "active")));
        Assert.Equal(2, metrics.Value("tokengov_authorizations", ("target", "dedicated"), ("kind", "cloud-dedicated"), ("status", "active")));
        Assert.All(metrics.Named("tokengov_tokens"), sample => Assert.Contains(sample.Labels["kind"], new[] { "influxdb2", "influxdb3", "cloud-dedicated" }));
        CanaryAssert.NoTokenIn(await worker.Http.GetStringAsync("metrics") + await worker.StopAsync(), Values(), "the metrics and the log");
    }

    private string Config(bool withUnreachable)
    {
        var targets = new JsonArray(Targets(withUnreachable).Select(target => (JsonNode)target).ToArray());
        var root = new JsonObject
        {
            ["TokenGovernance"] = new JsonObject
            {
                ["Targets"] = targets,
                ["Policy"] = new JsonObject { ["GenericUsers"] = new JsonObject { ["Patterns"] = new JsonArray("svc-.*") } },
                ["Client"] = new JsonObject { ["MaxRetries"] = 1, ["RetryBaseDelay"] = "00:00:00.050", ["AttemptTimeout"] = "00:00:02", ["TotalTimeout"] = "00:00:05" },
            },
        };
        return _directory.File($"mixed-{withUnreachable}.json", root.ToJsonString());
    }

    private List<JsonObject> Targets(bool withUnreachable)
    {
        var targets = new List<JsonObject>
        {
            new() { ["Name"] = "prod-v2", ["Url"] = _v2Server.Url.ToString(), ["TokenFile"] = _directory.File("v2-token", _v2.AuditToken.Token) },
            new() { ["Name"] = "prod-v3", ["Kind"] = "influxdb3", ["Url"] = _v3Server.Url.ToString(), ["TokenFile"] = _directory.File("v3-token", _v3.V3Tokens[0].Token) },
            new()
            {
                ["Name"] = "dedicated", ["Kind"] = "cloud-dedicated", ["ManagementUrl"] = _dedicatedServer.Url.ToString(),
                ["AccountId"] = _dedicated.AccountId, ["ClusterId"] = _dedicated.ClusterId, ["TokenFile"] = _directory.File("management-token", _dedicated.ManagementToken),
            },
        };
        if (withUnreachable)
        {
            targets.Add(new JsonObject { ["Name"] = "unreachable", ["Kind"] = "influxdb3", ["Url"] = "http://127.0.0.1:1/", ["TokenFile"] = _directory.File("v3-token-2", _v3.V3Tokens[0].Token) });
        }

        return targets;
    }

    private IEnumerable<string> Values() =>
        _v2.AllTokenValues.Concat(_v3.V3Tokens.Select(row => row.Token)).Append(_dedicated.ManagementToken);
}
