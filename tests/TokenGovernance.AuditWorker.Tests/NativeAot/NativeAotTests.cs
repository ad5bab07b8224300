using System.Net;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.NativeAot;

/// <summary>
/// The Native AOT binary against the build output on the built-in demo (reports, listings) and as a worker
/// (Quartz in memory and in a clustered PostgreSQL store, OpenTelemetry's Prometheus endpoint, health checks).
/// </summary>
[Collection(NativeAotCollection.Name)]
public sealed class NativeAotTests(NativeAotBinary binary)
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
        Assert.Equal(DemoOutput.Normalize(build.StandardOutput), DemoOutput.Normalize(native.StandardOutput));
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
}
