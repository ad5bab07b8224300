using System.Text.Json;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Cli;

/// <summary>The real <c>tokengov audit</c> binary against the double, as CI would run it.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private TestData _data = null!;
    private InfluxApiDouble _server = null!;
    private string _tokenFile = null!;

    public async Task InitializeAsync()
    {
        _data = new TestData((builder, test) =>
        {
            builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
            builder.Token(test.ServiceUser, test.Acme, "", permissions => permissions.Read(test.Telemetry));
        });
        _server = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss27);
        _tokenFile = _directory.File("token", _data.AuditToken.Token);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private string Config(string policy = """{"GenericUsers": {"Patterns": ["svc-.*"]}}""") => _directory.File($"config-{Guid.NewGuid():N}.json", $$$"""
        {"TokenGovernance": {
          "Targets": [{"Name": "prod", "Url": "{{{_server.Url}}}", "TokenFile": "{{{_tokenFile}}}"}],
          "Client": {"RetryBaseDelay": "00:00:00.050", "MaxRetries": 1},
          "Policy": {{{policy}}}
        }}
        """);

    [Fact]
    public async Task Json_report_follows_the_contract_and_exit_code_1_for_high_findings()
    {
        var output = Path.Combine(_directory.Path, "report.json");
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["audit", "--config", Config(), "--format", "json", "--output", output]);

        Assert.True(exitCode == 1, stderr);
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        var root = report.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("tokengov", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.True(root.TryGetProperty("startedAt", out _) && root.TryGetProperty("finishedAt", out _));
        var target = Assert.Single(root.GetProperty("targets").EnumerateArray());
        foreach (var field in new[] { "name", "url", "flavor", "outcome", "error", "orgs", "users", "authorizations", "tokenValuesVisible" })
        {
            Assert.True(target.TryGetProperty(field, out _), "target field " + field);
        }

        Assert.Equal("oss", target.GetProperty("flavor").GetString());
        Assert.Equal("success", target.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("error").ValueKind);
        Assert.True(target.GetProperty("tokenValuesVisible").GetBoolean());
        var finding = root.GetProperty("findings").EnumerateArray().First(item => item.GetProperty("ruleId").GetString() == "TG2001" && item.GetProperty("user").GetString() == "alice");
        foreach (var field in new[] { "ruleId", "rule", "severity", "target", "org", "orgId", "authorizationId", "description", "user", "userId", "reference", "message", "suppressed", "exemption" })
        {
            Assert.True(finding.TryGetProperty(field, out _), "finding field " + field);
        }

        Assert.Equal("write-token-personal-owner", finding.GetProperty("rule").GetString());
        Assert.Equal("high", finding.GetProperty("severity").GetString());
        Assert.Equal("alice", finding.GetProperty("user").GetString());
        var summary = root.GetProperty("summary");
        Assert.True(summary.GetProperty("critical").GetInt32() >= 1);
        Assert.True(summary.GetProperty("high").GetInt32() >= 1);
        Assert.Equal(0, summary.GetProperty("suppressed").GetInt32());
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Fail_on_none_exits_0_and_fail_on_low_exits_1()
    {
        Assert.Equal(0, (await TokengovProcess.RunAsync(["audit", "--config", Config(), "--fail-on", "none"])).ExitCode);
        Assert.Equal(1, (await TokengovProcess.RunAsync(["audit", "--config", Config(), "--fail-on", "low"])).ExitCode);
    }

    [Fact]
    public async Task The_worker_s_scheduler_section_is_ignored_by_a_one_shot_audit()
    {
        // The worker's config file, whose database secret is not mounted where CI runs the audit.
        var config = _directory.File("worker.json", $$$"""
            {"TokenGovernance": {
              "Targets": [{"Name": "prod", "Url": "{{{_server.Url}}}", "TokenFile": "{{{_tokenFile}}}"}],
              "Scheduler": {"Store": "postgres", "ConnectionStringFile": "/var/run/secrets/tokengovernance-db/connection"},
              "History": {"Retention": "30.00:00:00"}
            }}
            """);
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["audit", "--config", config, "--fail-on", "none"]);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.DoesNotContain("Scheduler", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exempted_findings_do_not_count_toward_the_exit_code()
    {
        var policy = $$$"""
            {"GenericUsers": {"Names": ["svc-telegraf", "alice", "admin"]},
             "Rules": {"TG2009": {"Enabled": false}, "TG2001": {"Enabled": false}},
             "Exemptions": [{"Rule": "TG2005", "AuthorizationId": "{{{_data.AuditToken.Id}}}", "Reason": "audit token"}]}
            """;
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["audit", "--config", Config(policy), "--fail-on", "low"]);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("SUPPRESSED (1)", stdout, StringComparison.Ordinal);
        Assert.Contains("No findings.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_target_exits_2_and_never_says_no_findings()
    {
        var config = _directory.File("down.json", $$$"""
            {"TokenGovernance": {"Targets": [
              {"Name": "up", "Url": "{{{_server.Url}}}", "TokenFile": "{{{_tokenFile}}}"},
              {"Name": "down", "Url": "http://127.0.0.1:9", "TokenFile": "{{{_tokenFile}}}"}],
             "Client": {"RetryBaseDelay": "00:00:00.010", "MaxRetries": 1} } }
            """);
        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["audit", "--config", config]);

        Assert.Equal(2, exitCode);
        Assert.Contains("down: AUDIT FAILED - target 'down': GET /api/v2/orgs", stdout, StringComparison.Ordinal);
        Assert.Contains("could not be audited", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("No findings", stdout, StringComparison.Ordinal);
        Assert.Contains("tokengov: audit failed: target 'down'", stderr, StringComparison.Ordinal);
        Assert.Contains("prod", (await TokengovProcess.RunAsync(["audit", "--config", Config()])).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_down_target_logs_one_line_per_retry_with_the_cause_and_the_stack_only_at_debug()
    {
        var config = _directory.File("retries.json", $$$"""
            {"TokenGovernance": {"Targets": [{"Name": "down", "Url": "http://127.0.0.1:9", "TokenFile": "{{{_tokenFile}}}"}],
             "Client": {"RetryBaseDelay": "00:00:00.010", "MaxRetries": 2} } }
            """);

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["audit", "--config", config]);

        Assert.Equal(2, exitCode);
        var retries = stderr.Split('\n').Where(line => line.Contains("Retry[300]", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Matches(@"warn: TokenGovernance\.Influx\.Retry\[300\] GET /api/v2/orgs: connection refused \(attempt 1 of 3, next in \d+\.\d s\)$", retries[0]);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.All(stderr.Split('\n'), line => Assert.True(line.Length < 300, line));

        var debug = await TokengovProcess.RunAsync(["audit", "--config", config], new Dictionary<string, string?> { ["Logging__LogLevel__TokenGovernance"] = "Debug" });
        Assert.Contains("Retry[301] GET /api/v2/orgs: attempt 1 failed", debug.StandardError, StringComparison.Ordinal);
        Assert.Contains("   at System.Net", debug.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Url_and_token_file_define_a_target_without_config()
    {
        var (exitCode, stdout, _) = await TokengovProcess.RunAsync(["audit", "--url", _server.Url.ToString(), "--token-file", _tokenFile, "--org", "acme", "--format", "sarif"]);

        Assert.Equal(1, exitCode);
        using var sarif = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, rule => rule.GetProperty("id").GetString() == "TG2001"
            && rule.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/TG2001.md", StringComparison.Ordinal));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, result =>
        {
            Assert.StartsWith("TG20", result.GetProperty("ruleId").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.Equal(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
        });
    }

    [Fact]
    public async Task Token_is_read_from_INFLUX_TOKEN_when_no_file_is_given()
    {
        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(
            ["audit", "--url", _server.Url.ToString(), "--fail-on", "none"],
            new Dictionary<string, string?> { ["INFLUX_TOKEN"] = _data.AuditToken.Token });

        Assert.True(exitCode == 0, stderr);
    }

    [Fact]
    public async Task Table_report_fits_80_columns()
    {
        var (_, stdout, _) = await TokengovProcess.RunAsync(["audit", "--config", Config()]);

        Assert.Contains("HIGH (", stdout, StringComparison.Ordinal);
        Assert.Contains("CRITICAL (", stdout, StringComparison.Ordinal);
        Assert.All(stdout.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
    }

    [Fact]
    public async Task No_output_stream_or_file_ever_contains_a_token_value()
    {
        foreach (var format in new[] { "table", "json", "sarif" })
        {
            var output = Path.Combine(_directory.Path, "canary." + format);
            var (_, stdout, stderr) = await TokengovProcess.RunAsync(
                ["audit", "--config", Config(), "--format", format, "--output", output],
                new Dictionary<string, string?> { ["TokenGovernance__LogFormat"] = "json", ["Logging__LogLevel__Default"] = "Trace" });
            CanaryAssert.NoTokenIn(stdout, _data.AllTokenValues, format + " stdout");
            CanaryAssert.NoTokenIn(stderr, _data.AllTokenValues, format + " stderr");
            CanaryAssert.NoTokenIn(File.ReadAllText(output), _data.AllTokenValues, format + " report");
        }
    }
}
