using System.Diagnostics;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Worker;

[Collection(WorkerHostCollection.Name)]
public class SchedulingTests
{
    [Fact]
    public async Task Overlapping_fire_times_never_run_one_target_twice_at_once()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Schedule"] = "* * * * * ?";
        worker.Server.Faults.Add(new Fault("/api/v2/orgs", FaultKind.Slow, Delay: TimeSpan.FromMilliseconds(2500)));
        await worker.StartAsync();

        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 2, TimeSpan.FromSeconds(30));

        Assert.Equal(1, worker.Server.Faults.MaxConcurrentRequests("/api/v2/orgs"));
    }

    [Fact]
    public async Task Stop_during_an_audit_completes_within_the_grace_period()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["ShutdownGracePeriod"] = "00:00:01";
        worker.Settings["Client:AttemptTimeout"] = "00:01:00";
        worker.Settings["Client:TotalTimeout"] = "00:02:00";
        worker.Server.Faults.Add(new Fault("/api/v2/authorizations", FaultKind.Slow, Delay: TimeSpan.FromMinutes(2)));
        await worker.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (worker.Server.Faults.RequestCount("/api/v2/authorizations") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var stopwatch = Stopwatch.StartNew();
        await worker.App.StopAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(6), $"stop took {stopwatch.Elapsed}");
        Assert.Contains("audit cancelled (timeout or shutdown)", worker.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_does_not_depend_on_audit_success()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Server.Faults.Add(new Fault("/api/v2/", FaultKind.Unauthorized));
        await worker.StartAsync();
        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "failure")) >= 1);

        Assert.True((await worker.Http.GetAsync("/readyz")).IsSuccessStatusCode);
        Assert.True((await worker.Http.GetAsync("/healthz")).IsSuccessStatusCode);
        Assert.Empty((await worker.ScrapeAsync()).Named("tokengov_findings"));
    }

    [Fact]
    public async Task Report_endpoint_is_off_by_default_and_serves_the_json_report_when_enabled()
    {
        await using (var closed = await WorkerUnderTest.CreateAsync())
        {
            await closed.StartAsync();
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await closed.Http.GetAsync("/report")).StatusCode);
        }

        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Http:ExposeReport"] = "true";
        await worker.StartAsync();
        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 1);

        var report = await worker.Http.GetStringAsync("/report");
        using var json = System.Text.Json.JsonDocument.Parse(report);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("test", json.RootElement.GetProperty("targets")[0].GetProperty("name").GetString());
        CanaryAssert.NoTokenIn(report, worker.Data.AllTokenValues, "/report");
    }
}
