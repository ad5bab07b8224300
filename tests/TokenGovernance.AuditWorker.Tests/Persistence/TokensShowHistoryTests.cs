using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

/// <summary><c>tokens show</c> with the worker's PostgreSQL store configured says since when each finding is open.</summary>
[Collection(WorkerHostCollection.Name)]
public class TokensShowHistoryTests
{
    [Fact]
    public async Task Show_reads_when_the_worker_first_saw_each_finding_and_goes_on_without_a_database()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.UsePostgres(database, "replica-0");
        await worker.StartAsync();
        var alice = worker.Data.Data.Authorizations.Single(authorization => authorization.Description == "alice writer");
        var opened = new List<DateTimeOffset>();
        await Poll.UntilAsync(async () =>
        {
            try
            {
                opened = await Database.QueryAsync(database,
                    $"SELECT first_seen FROM tokengov_findings_history WHERE subject = '{alice.Id}' AND rule_id = 'TG2001' AND resolved_at IS NULL",
                    reader => reader.GetFieldValue<DateTimeOffset>(0));
                return opened.Count == 1;
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), () => "the worker stored no open TG2001 for alice's token");

        using var directory = new TempDirectory();
        string Config(string connectionString) => directory.File($"config-{Guid.NewGuid():N}.json", $$$"""
            {"TokenGovernance": {
              "Targets": [{"Name": "test", "Url": "{{{worker.Server.Url}}}", "TokenFile": "{{{worker.TokenFile}}}"}],
              "Policy": {"GenericUsers": {"Patterns": ["svc-.*"]}},
              "Scheduler": {"Store": "postgres", "ConnectionString": "{{{connectionString}}}"}
            }}
            """);

        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["tokens", "show", alice.Id, "--config", Config(database)]);
        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"TG2001 high, open since {opened[0].UtcDateTime:yyyy-MM-dd HH:mm} UTC", stdout, StringComparison.Ordinal);

        // A database that is not there costs the dates, not the answer.
        var unreachable = await TokengovProcess.RunAsync(["tokens", "show", alice.Id, "--config", Config("Host=127.0.0.1;Port=9;Username=x;Password=secret-password;Timeout=2")]);
        Assert.Equal(0, unreachable.ExitCode);
        Assert.Contains("TG2001 high: ", unreachable.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("tokengov: the findings history could not be read", unreachable.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", unreachable.StandardError, StringComparison.Ordinal);
    }
}
