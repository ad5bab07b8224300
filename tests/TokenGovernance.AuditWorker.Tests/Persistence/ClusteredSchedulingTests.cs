using TokenGovernance.AuditWorker.InfluxDouble;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

[Collection(WorkerHostCollection.Name)]
public class ClusteredSchedulingTests
{
    private static readonly string[] FindingGauges = ["tokengov_findings", "tokengov_findings_suppressed", "tokengov_findings_opened_total", "tokengov_findings_resolved_total"];

    [Fact]
    public async Task Three_replicas_run_every_fire_time_once_keep_the_schedule_when_one_stops_and_serve_the_same_findings()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var first = await WorkerUnderTest.CreateAsync();
        await using var second = WorkerUnderTest.SharingDouble(first);
        await using var third = WorkerUnderTest.SharingDouble(first);
        WorkerUnderTest[] replicas = [first, second, third];
        for (var index = 0; index < replicas.Length; index++)
        {
            replicas[index].UsePostgres(database, "replica-" + index).Settings["Schedule"] = "0/2 * * * * ?";
        }

        // Started together: schema creation and job registration race under the advisory lock.
        await Task.WhenAll(replicas.Select(replica => replica.StartAsync()));
        await Task.Delay(TimeSpan.FromSeconds(10));

        await WaitUntilIdenticalAsync(replicas);

        var stoppedAt = DateTimeOffset.UtcNow;
        await first.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await second.StopAsync();
        await third.StopAsync();

        var runs = await Database.QueryAsync(database,
            "SELECT scheduled_fire_time, instance_id, outcome FROM tokengov_audit_runs WHERE target = 'test' ORDER BY scheduled_fire_time",
            reader => (Fire: reader.GetFieldValue<DateTimeOffset>(0), Instance: reader.GetString(1), Outcome: reader.GetString(2)));
        Assert.All(runs, run => Assert.Equal("success", run.Outcome));
        Assert.Equal(runs.Count, runs.Select(run => run.Fire).Distinct().Count());

        // The cron slots (even seconds) form an unbroken 2-second sequence across the stop: nothing missed, nothing twice.
        var cron = runs.Select(run => run.Fire).Where(fire => fire.Millisecond == 0 && fire.Second % 2 == 0).ToList();
        Assert.InRange(cron.Count, 8, 11);
        Assert.All(cron.Zip(cron.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second - pair.First));
        var afterStop = runs.Where(run => run.Fire > stoppedAt.AddSeconds(1)).ToList();
        Assert.True(afterStop.Count >= 3, "the remaining replicas kept the schedule after one stopped");
        Assert.DoesNotContain(afterStop, run => run.Instance == "replica-0");
    }

    [Fact]
    public async Task An_audit_in_flight_on_a_replica_that_dies_is_run_again_by_another()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var survivor = await WorkerUnderTest.CreateAsync();
        survivor.UsePostgres(database, "survivor");
        const string authorizations = "/api/v2/authorizations";
        survivor.Server.Faults.Add(new Fault(authorizations, FaultKind.Slow, Times: 1, Delay: TimeSpan.FromSeconds(60)));

        // The victim is a real tokengov process with the same settings: it creates the job, runs the start audit
        // and is killed (no shutdown, no goodbye to the cluster) while that audit waits on the slow response.
        var environment = survivor.Settings.ToDictionary(pair => "TokenGovernance__" + pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value);
        environment["TokenGovernance__Scheduler__InstanceId"] = "victim";
        using var victim = TokengovProcess.Start(["run", "--urls", "http://127.0.0.1:0"], environment);
        var output = victim.StandardOutput.ReadToEndAsync();
        var errors = victim.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (survivor.Server.Faults.RequestCount(authorizations) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline && !victim.HasExited, "the victim never started its audit: " + (victim.HasExited ? await output + await errors : "still running"));
            await Task.Delay(100);
        }

        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync();
        await survivor.StartAsync();

        var stored = await WaitForRunsAsync(database, 1);
        Assert.Equal("survivor", Assert.Single(stored));
        Assert.Equal(2, survivor.Server.Faults.RequestCount(authorizations));
        Assert.Contains("Audit of test: success", survivor.Logs.Text, StringComparison.Ordinal);
    }

    private static async Task<List<string>> WaitForRunsAsync(string database, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var runs = await Database.QueryAsync(database, "SELECT instance_id FROM tokengov_audit_runs", reader => reader.GetString(0));
            if (runs.Count >= count || DateTime.UtcNow > deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                return await Database.QueryAsync(database, "SELECT instance_id FROM tokengov_audit_runs", reader => reader.GetString(0));
            }

            await Task.Delay(200);
        }
    }

    private static async Task WaitUntilIdenticalAsync(WorkerUnderTest[] replicas)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var scrapes = await Task.WhenAll(replicas.Select(replica => replica.ScrapeAsync()));
            var views = scrapes.Select(scrape => string.Join('\n', scrape.Samples
                .Where(sample => FindingGauges.Contains(sample.Name))
                .Select(sample => sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(label => label.Key).Select(label => label.Key + "=" + label.Value)) + "} " + sample.Value)
                .Order(StringComparer.Ordinal))).ToList();
            if (views.Distinct().Count() == 1 && views[0].Contains("tokengov_findings{", StringComparison.Ordinal))
            {
                Assert.Contains("rule=TG2001,severity=high,target=test} 2", views[0], StringComparison.Ordinal);
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("replicas serve different findings:\n" + string.Join("\n----\n", views));
            }

            await Task.Delay(200);
        }
    }
}
