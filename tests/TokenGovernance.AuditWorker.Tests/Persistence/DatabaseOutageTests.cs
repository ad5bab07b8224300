using System.Net;
using Npgsql;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

[Collection(WorkerHostCollection.Name)]
public class DatabaseOutageTests
{
    [Fact]
    public async Task With_the_database_down_at_start_the_worker_starts_is_not_ready_with_the_cause_and_recovers_by_itself()
    {
        var database = new NpgsqlConnectionStringBuilder(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync());
        await using var relay = new TcpRelay(new IPEndPoint(IPAddress.Loopback, database.Port));
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = relay.Port, Timeout = 2 }.ConnectionString;
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.UsePostgres(throughRelay, "outage-test").Settings["Schedule"] = "* * * * * ?";

        await worker.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/healthz")).StatusCode);
        var notReady = await WaitForReadyzAsync(worker, HttpStatusCode.ServiceUnavailable, body => body.Contains("PostgreSQL store unavailable: ", StringComparison.Ordinal));
        Assert.Contains("127.0.0.1", notReady, StringComparison.Ordinal);
        Assert.DoesNotContain(throughRelay, notReady, StringComparison.Ordinal);
        Assert.Equal(0, (await worker.ScrapeAsync()).Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) ?? 0);

        relay.Up();
        await WaitForReadyzAsync(worker, HttpStatusCode.OK, _ => true);
        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) >= 3);
        await worker.StopAsync();

        // Every audit this worker ran is stored exactly once, each in its own schedule slot.
        var runs = await Database.QueryAsync(database.ConnectionString,
            "SELECT run_id, scheduled_fire_time, outcome FROM tokengov_audit_runs", reader => (Run: reader.GetGuid(0), Fire: reader.GetFieldValue<DateTimeOffset>(1), Outcome: reader.GetString(2)));
        var ran = worker.Logs.Text.Split('\n').Count(line => line.Contains("Audit of test: ", StringComparison.Ordinal));
        Assert.True(runs.Count >= 3);
        Assert.Equal(ran, runs.Count);
        Assert.Equal(runs.Count, runs.Select(run => run.Fire).Distinct().Count());
        Assert.All(runs, run => Assert.Equal("success", run.Outcome));
    }

    private static async Task<string> WaitForReadyzAsync(WorkerUnderTest worker, HttpStatusCode status, Func<string, bool> condition)
    {
        HttpStatusCode last = default;
        var body = string.Empty;
        await Poll.UntilAsync(
            async () =>
            {
                var response = await worker.GetAsync("/readyz");
                (last, body) = (response.StatusCode, await response.Content.ReadAsStringAsync());
                return last == status && condition(body);
            },
            TimeSpan.FromSeconds(30),
            () => $"/readyz stayed {(int)last} {body}\nlogs:\n{worker.Logs.Text}");
        return body;
    }
}
