using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

public class SchemaTests
{
    [Fact]
    public void The_bundled_Quartz_script_is_the_one_the_referenced_Quartz_provisions()
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql");
        Assert.NotNull(stream);
        var quartz = new StreamReader(stream).ReadToEnd().Replace("{0}", SqlScripts.QuartzTablePrefix).Replace("{1}", SqlScripts.QuartzTablePrefix);
        Assert.Equal(quartz.ReplaceLineEndings("\n"), SqlScripts.QuartzTables().ReplaceLineEndings("\n"));
        Assert.DoesNotContain(SqlScripts.Statements(SqlScripts.QuartzTables()), statement => statement.Contains("DROP", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("DROP", SqlScripts.TokenGovernanceTables(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Replicas_starting_together_create_the_schema_once_and_never_drop_what_is_there()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => EnsureAsync(database)));

        var tables = await Tables(database);
        Assert.Contains("qrtz_job_details", tables);
        Assert.Contains("qrtz_locks", tables);
        Assert.Contains("tokengov_audit_runs", tables);
        Assert.Contains("tokengov_findings_history", tables);
        Assert.Contains("tokengov_finding_counters", tables);

        await Execute(database, "INSERT INTO tokengov_finding_counters (target, rule_id, opened, resolved) VALUES ('kept', 'TG2001', 7, 3)");
        await EnsureAsync(database);
        Assert.Equal(7, await Database.CountAsync(database, "SELECT opened FROM tokengov_finding_counters WHERE target = 'kept'"));
    }

    [Fact]
    public async Task An_existing_Quartz_schema_is_left_to_Quartz_to_validate()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await Execute(database, "CREATE TABLE qrtz_job_details (sched_name text, marker text); INSERT INTO qrtz_job_details VALUES ('old', 'keep me')");

        await EnsureAsync(database);

        var tables = await Tables(database);
        Assert.DoesNotContain("qrtz_triggers", tables);
        Assert.Contains("tokengov_audit_runs", tables);
        Assert.Equal(1, await Database.CountAsync(database, "SELECT count(*) FROM qrtz_job_details WHERE marker = 'keep me'"));
    }

    [Fact]
    public async Task A_worker_whose_Quartz_schema_is_incomplete_stops_with_exit_70_naming_the_problem()
    {
        using var directory = new TempDirectory();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await Execute(database, "CREATE TABLE qrtz_job_details (sched_name text)");
        var environment = new Dictionary<string, string?>
        {
            ["TokenGovernance__Targets__0__Name"] = "test",
            ["TokenGovernance__Targets__0__Url"] = "http://127.0.0.1:9/",
            ["TokenGovernance__Targets__0__TokenFile"] = directory.File("token", "t"),
            ["TokenGovernance__Scheduler__Store"] = "postgres",
            ["TokenGovernance__Scheduler__ConnectionString"] = database,
        };

        var (exitCode, stdout, stderr) = await TokengovProcess.RunAsync(["run", "--urls", "http://127.0.0.1:0"], environment, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 70, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("The clustered Quartz scheduler could not be created", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("qrtz_", (stdout + stderr).ToLowerInvariant(), StringComparison.Ordinal);
    }

    private static async Task EnsureAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new PostgresSchema(dataSource, NullLogger<PostgresSchema>.Instance).EnsureAsync(CancellationToken.None);
    }

    private static Task<List<string>> Tables(string database) =>
        Database.QueryAsync(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", reader => reader.GetString(0));

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
