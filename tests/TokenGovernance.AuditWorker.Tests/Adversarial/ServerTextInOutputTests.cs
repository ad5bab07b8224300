using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// Server free text that holds a token, escape sequences or line breaks (a user name that forges a summary line, a
/// description "backup of &lt;token&gt;"), through every output: the three report formats on stdout and in a file,
/// stderr, and the worker's logs, /report and /metrics. Token shapes are masked everywhere; text outputs escape.
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class ServerTextInOutputTests : IAsyncLifetime
{
    private const string ForgedUser = "mallory\u001b[2J\u001b]0;owned\u0007\r\nSummary: 0 critical, 0 high, 0 medium, 0 low, 0 suppressed";

    private readonly TempDirectory _directory = new();
    private InfluxApiDouble _double = null!;

    private TestData Data { get; } = HostileServerText();

    /// <summary>A user name that forges a summary line, a description quoting another token, escape sequences.</summary>
    internal static TestData HostileServerText() => new((builder, test) =>
    {
        var mallory = builder.User(ForgedUser);
        var backedUp = builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
        builder.Token(mallory, test.Acme, "backup of " + backedUp.Token + " \u001b[31mred\u001b[0m", permissions => permissions.Write(test.Telemetry));
        builder.Token(test.Alice, test.Acme, "line one\nSummary: 0 critical", permissions => permissions.AllAccess());
    });

    public async Task InitializeAsync() => _double = await InfluxApiDouble.StartAsync(Data.Data, InfluxDoubleMode.Oss27);

    public async Task DisposeAsync()
    {
        await _double.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("table", false)]
    [InlineData("table", true)]
    [InlineData("json", false)]
    [InlineData("json", true)]
    [InlineData("sarif", false)]
    [InlineData("sarif", true)]
    public async Task Report_masks_token_shapes_in_server_text_and_text_escapes_control_characters(string format, bool toFile)
    {
        var tokenFile = _directory.File($"token-{format}-{toFile}", Data.AuditToken.Token);
        var output = Path.Combine(_directory.Path, $"report-{format}-{toFile}");
        string[] arguments = ["audit", "--url", _double.Url.ToString(), "--token-file", tokenFile, "--format", format, .. (toFile ? ["--output", output] : Array.Empty<string>())];

        var run = await AdversarialAssert.RunAsync(arguments);

        AdversarialAssert.NoCrash(run);
        Assert.Equal(1, run.ExitCode);
        var report = toFile ? await File.ReadAllTextAsync(output) : run.StandardOutput;
        AdversarialAssert.NoCanary(Data.AllTokenValues, ("stdout", run.StandardOutput), ("stderr", run.StandardError), ("the report", report));
        if (format == "table")
        {
            Assert.DoesNotContain('\u001b', report);
            Assert.DoesNotContain('\u0007', report);
            Assert.DoesNotContain('\r', report);
            Assert.Single(report.Split('\n'), line => line.StartsWith("Summary:", StringComparison.Ordinal));
            Assert.Contains("mallory\\e[2J\\e]0;owned\\u0007\\r\\nSummary", report, StringComparison.Ordinal);
        }
        else if (format == "json")
        {
            // JSON keeps the text as the server sent it (minus token shapes), escaped by the format itself.
            var findings = JsonNode.Parse(report)!["findings"]!.AsArray();
            Assert.Contains(findings, finding => (string?)finding!["user"] == ForgedUser);
            Assert.Contains(findings, finding => ((string?)finding!["description"])?.StartsWith("backup of [token ", StringComparison.Ordinal) == true);
        }
        else
        {
            Assert.NotNull(JsonNode.Parse(report)!["runs"]);
        }
    }
}

/// <summary>The same server text through the worker's logs, /report and /metrics, in a process of its own.</summary>
[Collection(AdversarialCollection.Name)]
public sealed class ServerTextInWorkerOutputTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly TestData _data = ServerTextInOutputTests.HostileServerText();
    private InfluxApiDouble _double = null!;

    public async Task InitializeAsync() => _double = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss27);

    public async Task DisposeAsync()
    {
        await _double.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Worker_logs_report_and_metrics_mask_token_shapes_in_server_text()
    {
        var (http, bearer) = WorkerProcess.GuardedHttp(_directory);
        var config = _directory.File("worker.json", new JsonObject
        {
            ["TokenGovernance"] = new JsonObject
            {
                ["Targets"] = new JsonArray(new JsonObject { ["Name"] = "server-text", ["Url"] = _double.Url.ToString(), ["TokenFile"] = _directory.File("token", _data.AuditToken.Token) }),
                ["Schedule"] = "0 0 0 1 1 ? 2099",
                ["Http"] = http,
            },
        }.ToJsonString());
        await using var worker = WorkerProcess.Start(config, bearer);
        await worker.WaitForAsync(
            metrics => metrics.Value("tokengov_audit_runs_total", ("target", "server-text"), ("outcome", "success")) == 1,
            TimeSpan.FromSeconds(30),
            _ => "the audit did not succeed");

        var report = await worker.Http.GetStringAsync("report");
        var metrics = await worker.Http.GetStringAsync("metrics");
        var logs = await worker.StopAsync();

        AdversarialAssert.NoCanary(_data.AllTokenValues, ("/report", report), ("/metrics", metrics), ("logs", logs));
        Assert.Contains("backup of [token ", report, StringComparison.Ordinal);
    }
}
