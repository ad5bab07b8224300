using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

[Collection(WorkerHostCollection.Name)]
public class FindingsHistoryTests
{
    [Theory]
    [InlineData("postgres")]
    [InlineData("memory")]
    public async Task A_finding_opens_keeps_its_first_seen_resolves_and_reopens_as_a_new_entry(string store)
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        var database = store == "postgres" ? await (await PostgresServer.SharedAsync()).CreateDatabaseAsync() : null;
        if (database is not null)
        {
            worker.UsePostgres(database, "history-test");
        }

        worker.Settings["Schedule"] = "* * * * * ?";
        worker.Settings["Http:ExposeReport"] = "true";
        var alice = worker.Data.Data.Authorizations.Single(authorization => authorization.Description == "alice writer");
        await worker.StartAsync();

        var opened = await worker.WaitForAsync(scrape => Runs(scrape) >= 1 && Opened(scrape) >= 1);
        var openedBefore = Opened(opened);
        var firstSeen = await FirstSeenAsync(worker, alice.Id);
        Assert.NotNull(firstSeen);
        var runs = Runs(opened);
        var later = await worker.WaitForAsync(scrape => Runs(scrape) >= runs + 2);
        Assert.Equal(firstSeen, await FirstSeenAsync(worker, alice.Id));
        Assert.Equal(openedBefore, Opened(later));
        Assert.True(later.Value("tokengov_finding_oldest_age_seconds", ("target", "test"), ("severity", "high")) > 0);

        lock (worker.Server.DataLock)
        {
            worker.Data.Data.Authorizations.Remove(alice);
        }

        var resolved = await worker.WaitForAsync(scrape => Resolved(scrape) == 1);
        await WaitForReportAsync(worker, async () => await FirstSeenAsync(worker, alice.Id) is null);
        Assert.Equal(openedBefore, Opened(resolved));

        lock (worker.Server.DataLock)
        {
            worker.Data.Data.Authorizations.Add(alice);
        }

        var reopened = await worker.WaitForAsync(scrape => Opened(scrape) == openedBefore + 1);
        Assert.Equal(1, Resolved(reopened));
        await WaitForReportAsync(worker, async () => await FirstSeenAsync(worker, alice.Id) > firstSeen);

        if (database is not null)
        {
            var entries = await Database.QueryAsync(database,
                $"SELECT first_seen, last_seen, resolved_at FROM tokengov_findings_history WHERE target = 'test' AND rule_id = 'TG2001' AND subject = '{alice.Id}' ORDER BY id",
                reader => (FirstSeen: reader.GetFieldValue<DateTimeOffset>(0), LastSeen: reader.GetFieldValue<DateTimeOffset>(1), ResolvedAt: reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2)));
            Assert.Equal(2, entries.Count);
            Assert.Equal(firstSeen!.Value.ToUnixTimeMilliseconds(), entries[0].FirstSeen.ToUnixTimeMilliseconds());
            Assert.True(entries[0].LastSeen > entries[0].FirstSeen, "last_seen moves with every run that still sees the finding");
            Assert.NotNull(entries[0].ResolvedAt);
            Assert.Null(entries[1].ResolvedAt);
            Assert.True(entries[1].FirstSeen > entries[0].ResolvedAt);
            CanaryAssert.NoTokenIn(await DumpAsync(database), worker.Data.AllTokenValues, "the PostgreSQL database");
        }

        CanaryAssert.NoTokenIn(await worker.Http.GetStringAsync("/report"), worker.Data.AllTokenValues, "/report");
        CanaryAssert.NoTokenIn(await worker.Http.GetStringAsync("/metrics"), worker.Data.AllTokenValues, "/metrics");
        CanaryAssert.NoTokenIn(worker.Logs.Text, worker.Data.AllTokenValues, "the worker's logs");
    }

    private static double Runs(PrometheusText scrape) => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) ?? 0;

    private static double Opened(PrometheusText scrape) => scrape.Value("tokengov_findings_opened_total", ("target", "test"), ("rule", "TG2001")) ?? 0;

    private static double Resolved(PrometheusText scrape) => scrape.Value("tokengov_findings_resolved_total", ("target", "test"), ("rule", "TG2001")) ?? 0;

    private static async Task<DateTimeOffset?> FirstSeenAsync(WorkerUnderTest worker, string authorizationId)
    {
        using var report = JsonDocument.Parse(await worker.Http.GetStringAsync("/report"));
        var finding = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(element => element.GetProperty("ruleId").GetString() == "TG2001" && element.GetProperty("authorizationId").GetString() == authorizationId)
            .Select(element => (JsonElement?)element)
            .SingleOrDefault();
        return finding?.GetProperty("firstSeen").GetDateTimeOffset();
    }

    private static Task WaitForReportAsync(WorkerUnderTest worker, Func<Task<bool>> condition) =>
        Poll.UntilAsync(condition, TimeSpan.FromSeconds(15), () => "the report did not change in time; logs:\n" + worker.Logs.Text);

    /// <summary>Every row of every table as text, with the snapshot payloads decompressed.</summary>
    private static async Task<string> DumpAsync(string database)
    {
        var text = new StringBuilder();
        var tables = await Database.QueryAsync(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", reader => reader.GetString(0));
        foreach (var table in tables)
        {
            text.AppendJoin('\n', await Database.QueryAsync(database, $"SELECT t::text FROM {table} t", reader => reader.GetString(0))).Append('\n');
        }

        foreach (var payload in await Database.QueryAsync(database, "SELECT payload FROM tokengov_audit_runs WHERE payload IS NOT NULL", reader => reader.GetFieldValue<byte[]>(0)))
        {
            using var brotli = new BrotliStream(new MemoryStream(payload, 1, payload.Length - 1), CompressionMode.Decompress);
            text.Append(new StreamReader(brotli).ReadToEnd()).Append('\n');
        }

        Assert.Contains("alice writer", text.ToString(), StringComparison.Ordinal);
        return text.ToString();
    }
}
