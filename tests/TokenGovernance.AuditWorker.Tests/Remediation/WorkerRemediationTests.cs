using System.Text.Json;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Remediation;

/// <summary><c>Remediation:Mode</c> in the worker: plan shows actions as metrics and in /report and changes nothing; apply acts and journals.</summary>
[Collection(WorkerHostCollection.Name)]
public class WorkerRemediationTests
{
    [Fact]
    public async Task Plan_mode_shows_due_and_refused_actions_and_never_calls_the_server_to_change_anything()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Remediation:Mode"] = "plan";
        worker.Settings["Remediation:Rules:TG2001"] = "deactivate";
        worker.Settings["Remediation:GraceDays"] = "0";
        worker.Settings["Http:ExposeReport"] = "true";
        await worker.StartAsync();

        // One due action of three tokens is 33 %, more than the default MaxPercentPerTarget (5 %): refused whole.
        var metrics = await worker.WaitForAsync(scrape => scrape.Named("tokengov_remediation_actions").Any());
        double Actions(string state) => metrics.Value("tokengov_remediation_actions", ("target", "test"), ("rule", "TG2001"), ("action", "deactivate"), ("state", state)) ?? -1;
        Assert.Equal(1, Actions("refused"));
        Assert.Equal(0, Actions("due"));
        Assert.Equal(0, Actions("pending"));

        using var report = JsonDocument.Parse(await worker.Http.GetStringAsync("/report"));
        var action = Assert.Single(report.RootElement.GetProperty("remediation").EnumerateArray());
        Assert.Equal("refused", action.GetProperty("state").GetString());
        Assert.Contains("MaxPercentPerTarget", action.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Server.Requests, call => call.StartsWith("PATCH", StringComparison.Ordinal));
        Assert.All(worker.Server.Data.Authorizations, authorization => Assert.Equal("active", authorization.Status));
    }

    [Fact]
    public async Task Apply_mode_deactivates_the_due_tokens_after_the_audit_and_journals_them()
    {
        using var directory = new TempDirectory();
        var journal = Path.Combine(directory.Path, "journal.jsonl");
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Remediation:Rules:TG2001"] = "deactivate";
        await StartApplyingAsync(worker, journal);

        var alice = worker.Data.Data.Authorizations.Single(authorization => authorization.Description == "alice writer");

        Assert.Equal("inactive", alice.Status);
        Assert.Equal("active", worker.Data.AuditToken.Status);
        var line = JsonDocument.Parse(File.ReadAllLines(journal).Single(text => text.Contains(alice.Id, StringComparison.Ordinal))).RootElement;
        Assert.Equal("admin", line.GetProperty("actor").GetString());
        Assert.Equal("TG2001", line.GetProperty("rule").GetString());
        Assert.Contains("Remediation of test: 1 applied", worker.Logs.Text, StringComparison.Ordinal);
        foreach (var (text, where) in new[] { (File.ReadAllText(journal), "the journal"), (worker.Logs.Text, "the logs"), (await worker.Http.GetStringAsync("/metrics"), "/metrics") })
        {
            CanaryAssert.NoTokenIn(text, worker.Data.AllTokenValues, where);
        }
    }

    [Fact]
    public async Task Apply_mode_counts_a_due_reissue_but_never_makes_one()
    {
        using var directory = new TempDirectory();
        var journal = Path.Combine(directory.Path, "journal.jsonl");
        var data = new TestData((builder, test) =>
        {
            builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry));
            builder.Token(builder.User("bob", status: "inactive"), test.Acme, "bob reader", permissions => permissions.Read(test.Telemetry));
        });
        await using var worker = await WorkerUnderTest.CreateAsync(data: data);
        worker.Settings["Remediation:Rules:TG2001"] = "reissue";
        worker.Settings["Remediation:Rules:TG2010"] = "deactivate";
        worker.Settings["Remediation:ServiceUser"] = "svc-telegraf";

        // The deactivation of bob's token is taken after the audit; alice's re-issue, due in the same plan, is not.
        await StartApplyingAsync(worker, journal);
        var metrics = await worker.ScrapeAsync();
        Assert.Equal(1, metrics.Value("tokengov_remediation_actions", ("target", "test"), ("rule", "TG2001"), ("action", "reissue"), ("state", "due")));
        var line = Assert.Single(File.ReadAllLines(journal));
        Assert.Contains("\"action\":\"deactivate\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Server.Requests, call => call.StartsWith("POST", StringComparison.Ordinal));
        Assert.Equal("active", data.Data.Authorizations.Single(authorization => authorization.Description == "alice writer").Status);
    }

    [Fact]
    public async Task Apply_mode_on_the_postgres_store_journals_in_the_database()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.UsePostgres(database, "replica-0");
        worker.Settings["Remediation:Mode"] = "apply";
        worker.Settings["Remediation:Rules:TG2001"] = "deactivate";
        worker.Settings["Remediation:GraceDays"] = "0";
        worker.Settings["Remediation:MaxPercentPerTarget"] = "100";
        await worker.StartAsync();

        var alice = worker.Data.Data.Authorizations.Single(authorization => authorization.Description == "alice writer");
        List<(string Outcome, string Entry)> rows = [];
        await Poll.UntilAsync(async () =>
        {
            try
            {
                rows = await Database.QueryAsync(database, $"SELECT outcome, entry::text FROM tokengov_remediation_journal WHERE token_id = '{alice.Id}'",
                    reader => (reader.GetString(0), reader.GetString(1)));
                return rows.Count > 0;
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), () => "no journal row; logs:\n" + worker.Logs.Text);

        var (outcome, entry) = Assert.Single(rows);
        Assert.Equal("applied", outcome);
        Assert.Equal("inactive", alice.Status);
        using var json = JsonDocument.Parse(entry);
        Assert.Equal("admin", json.RootElement.GetProperty("actor").GetString());
        CanaryAssert.NoTokenIn(entry, worker.Data.AllTokenValues, "the journal row");
    }

    /// <summary>Starts the worker in apply mode (no grace, no cap, journal to <paramref name="journal"/>) and waits for its first applied action.</summary>
    private static async Task StartApplyingAsync(WorkerUnderTest worker, string journal)
    {
        worker.Settings["Remediation:Mode"] = "apply";
        worker.Settings["Remediation:GraceDays"] = "0";
        worker.Settings["Remediation:MaxPercentPerTarget"] = "100";
        worker.Settings["Remediation:JournalFile"] = journal;
        await worker.StartAsync();
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(journal) && File.ReadAllText(journal).Contains("\"outcome\":\"applied\"", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20), () => "no applied action in the journal; logs:\n" + worker.Logs.Text);
    }
}
