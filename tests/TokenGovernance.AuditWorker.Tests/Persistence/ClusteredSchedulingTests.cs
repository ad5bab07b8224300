using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

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
        Assert.InRange(cron.Count, 6, 12);
        Assert.All(cron.Zip(cron.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second - pair.First));
        var afterStop = runs.Where(run => run.Fire > stoppedAt.AddSeconds(1)).ToList();
        Assert.True(afterStop.Count >= 3, "the remaining replicas kept the schedule after one stopped");
        Assert.DoesNotContain(afterStop, run => run.Instance == "replica-0");
    }

    [Fact]
    public async Task Every_replica_serves_the_same_token_list_from_the_shared_snapshot()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var first = await WorkerUnderTest.CreateAsync();
        await using var second = WorkerUnderTest.SharingDouble(first);
        WorkerUnderTest[] replicas = [first, second];
        for (var index = 0; index < replicas.Length; index++)
        {
            replicas[index].UsePostgres(database, "replica-" + index).Settings["Http:ExposeTokens"] = "true";
        }

        await Task.WhenAll(replicas.Select(replica => replica.StartAsync()));
        string[] bodies = [];
        await Poll.UntilAsync(async () =>
        {
            bodies = await Task.WhenAll(replicas.Select(async replica =>
            {
                var response = await replica.GetAsync("/tokens?format=csv&sort=created");
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : response.StatusCode.ToString();
            }));
            return bodies.All(body => body.StartsWith("target,", StringComparison.Ordinal)) && bodies.Distinct().Count() == 1;
        }, TimeSpan.FromSeconds(30), () => "the replicas did not serve the same token list: " + string.Join(" | ", bodies));

        Assert.Equal(first.Data.Data.Authorizations.Count + 1, bodies[0].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        CanaryAssert.NoTokenIn(bodies[0], first.Data.AllTokenValues, "/tokens from the shared snapshot");
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

    [Fact]
    public async Task A_restarted_cluster_keeps_its_schedule_and_follows_changed_targets()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var first = await WorkerUnderTest.CreateAsync();
        first.UsePostgres(database, "first");
        await first.StartAsync();
        Assert.Equal(["first"], await WaitForRunsAsync(database, 1));
        await first.StopAsync();

        // Same configuration, new replica (a rolling update): the job exists, so no second start run.
        await using var second = WorkerUnderTest.SharingDouble(first);
        second.UsePostgres(database, "second");
        await second.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(["first"], await RunsAsync(database));
        await second.StopAsync();

        // The target renamed and the schedule changed: the old job goes, the new one is created and runs once.
        await using var third = WorkerUnderTest.SharingDouble(first);
        third.UsePostgres(database, "third");
        third.Settings["Targets:0:Name"] = "renamed";
        third.Settings["Schedule"] = "0 0 6 * * ?";
        await third.StartAsync();
        await WaitForRunsAsync(database, 2);
        await third.StopAsync();

        var jobs = await Database.QueryAsync(database, "SELECT job_name FROM qrtz_job_details", reader => reader.GetString(0));
        Assert.Equal(["audit:renamed"], jobs);
        Assert.Equal(["0 0 6 * * ?"], await Database.QueryAsync(database, "SELECT cron_expression FROM qrtz_cron_triggers", reader => reader.GetString(0)));
        Assert.Equal(["test:first", "renamed:third"],
            await Database.QueryAsync(database, "SELECT target || ':' || instance_id FROM tokengov_audit_runs ORDER BY id", reader => reader.GetString(0)));
    }

    [Fact]
    public async Task Triggers_left_in_ERROR_are_put_back_to_waiting_at_start_logged_and_counted()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var first = await WorkerUnderTest.CreateAsync();
        first.UsePostgres(database, "first");
        await first.StartAsync();
        await WaitForRunsAsync(database, 1);
        await first.StopAsync();

        // What a replica that could not load the job left behind: every trigger of the target in ERROR.
        await Database.ExecuteAsync(database, "UPDATE qrtz_triggers SET trigger_state = 'ERROR'");
        await using var second = WorkerUnderTest.SharingDouble(first);
        second.UsePostgres(database, "second");
        await second.StartAsync();

        var metrics = await second.WaitForAsync(scrape => scrape.Value("tokengov_scheduler_triggers_recovered_total") >= 1);
        Assert.Equal(1, metrics.Value("tokengov_scheduler_triggers_recovered_total"));
        Assert.Equal(0, await Database.CountAsync(database, "SELECT count(*) FROM qrtz_triggers WHERE trigger_state = 'ERROR'"));
        Assert.Contains("Trigger cron:test was in ERROR", second.Logs.Text, StringComparison.Ordinal);
    }

    /// <summary>The instance ids of the stored runs once there are <paramref name="count"/> (and a second more for strays).</summary>
    private static async Task<List<string>> WaitForRunsAsync(string database, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await RunsAsync(database)).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        return await RunsAsync(database);
    }

    /// <summary>Instance ids of the stored runs, oldest first; none while the replicas have not created the tables yet.</summary>
    private static async Task<List<string>> RunsAsync(string database)
    {
        try
        {
            return await Database.QueryAsync(database, "SELECT instance_id FROM tokengov_audit_runs ORDER BY id", reader => reader.GetString(0));
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
    }

    private static async Task WaitUntilIdenticalAsync(WorkerUnderTest[] replicas)
    {
        List<string> views = [];
        await Poll.UntilAsync(
            async () =>
            {
                var scrapes = await Task.WhenAll(replicas.Select(replica => replica.ScrapeAsync()));
                views = scrapes.Select(scrape => string.Join('\n', scrape.Samples
                    .Where(sample => FindingGauges.Contains(sample.Name))
                    .Select(sample => sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(label => label.Key).Select(label => label.Key + "=" + label.Value)) + "} " + sample.Value)
                    .Order(StringComparer.Ordinal))).ToList();
                return views.Distinct().Count() == 1 && views[0].Contains("tokengov_findings{", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(15),
            () => "replicas serve different findings:\n" + string.Join("\n----\n", views));
        Assert.Contains("rule=TG2001,severity=high,target=test} 2", views[0], StringComparison.Ordinal);
    }
}
