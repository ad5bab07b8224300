using System.Net;
using System.Text.RegularExpressions;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.NativeAot;

/// <summary>
/// The Native AOT binary against the build output on the built-in demo (reports, listings) and as a worker
/// (Quartz in memory and in a clustered PostgreSQL store, OpenTelemetry's Prometheus endpoint, health checks).
/// </summary>
[Collection(NativeAotCollection.Name)]
public sealed partial class NativeAotTests(NativeAotBinary binary)
{
    [Theory]
    [InlineData("audit", "json")]
    [InlineData("audit", "sarif")]
    [InlineData("audit", "table")]
    [InlineData("tokens", "json")]
    [InlineData("tokens", "csv")]
    public async Task The_demo_reads_the_same_as_from_the_build_output(string command, string format)
    {
        var build = await TokengovProcess.RunAsync([command, "--demo", "--format", format]);
        TokengovProcess.Native = binary.Path;
        var native = await TokengovProcess.RunAsync([command, "--demo", "--format", format]);

        Assert.Equal(build.ExitCode, native.ExitCode);
        Assert.True(native.StandardOutput.Length > 500, native.StandardError);
        Assert.Equal(Normalize(build.StandardOutput), Normalize(native.StandardOutput));
    }

    [Fact]
    public async Task The_native_worker_audits_on_start_and_serves_metrics_and_readiness()
    {
        TokengovProcess.Native = binary.Path;
        await using var worker = WorkerProcess.StartDemo();

        var metrics = await worker.WaitForAsync(
            scrape => scrape.Value("tokengov_audit_runs_total", ("target", "demo"), ("outcome", "success")) >= 1
                && scrape.Value("tokengov_audit_runs_total", ("target", "demo-v3"), ("outcome", "success")) >= 1,
            TimeSpan.FromSeconds(30),
            scrape => "no successful audit of both demo targets in the native worker's metrics: " + (scrape is null ? "no scrape" : string.Join(", ", scrape.Samples.Select(sample => sample.Name).Distinct())));

        Assert.True(metrics.Named("tokengov_findings").Any(), "no tokengov_findings");
        var ready = await worker.Http.GetAsync("readyz");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        Assert.Contains("scheduler: Healthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_native_worker_keeps_its_schedule_and_runs_in_a_clustered_PostgreSQL_store()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        using var directory = new TempDirectory();
        var config = directory.File("worker.json", $$"""
            {"TokenGovernance": {"Scheduler": {"Store": "postgres", "ConnectionString": "{{database}}", "InstanceId": "native", "ClusterCheckinInterval": "00:00:01"} } }
            """);
        TokengovProcess.Native = binary.Path;
        await using var worker = WorkerProcess.StartDemo(config);

        await Poll.UntilAsync(
            async () => await StoredRunsAsync(database) >= 2,
            TimeSpan.FromSeconds(40),
            () => "the native worker stored no run of both demo targets in PostgreSQL");
        Assert.Equal(1, await Database.CountAsync(database, "SELECT count(DISTINCT instance_name) FROM qrtz_scheduler_state"));
        var ready = await worker.Http.GetAsync("readyz");
        Assert.Contains("postgres-store: Healthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<long> StoredRunsAsync(string database)
    {
        try
        {
            return await Database.CountAsync(database, "SELECT count(DISTINCT target) FROM tokengov_audit_runs WHERE instance_id = 'native' AND outcome = 'success'");
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    /// <summary>
    /// What differs between two runs of the demo whatever the binary: times, durations, ports, the demo's temp folders
    /// and the fingerprints of its token values (made up afresh by each run).
    /// </summary>
    private static string Normalize(string output)
    {
        output = Timestamp().Replace(output, "<time>");
        output = Fingerprint().Replace(output, "<fingerprint>");
        output = Duration().Replace(output, "$1<seconds>");
        output = LoopbackPort().Replace(output, "127.0.0.1:<port>");
        return DemoFolder().Replace(output, "tokengov-demo-<folder>");
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d| UTC)?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(""durationSeconds"": ?)\d+(\.\d+)?")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b[0-9a-f]{8}\b")]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"tokengov-demo-[A-Za-z0-9]+")]
    private static partial Regex DemoFolder();
}
