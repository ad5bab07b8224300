using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

/// <summary>
/// A PostgreSQL store written by the worker before the plug-in redesign (commit f23c5e7: its Quartz job stored by type
/// name and its cron trigger, three audit runs with the last snapshot, findings history and counters, one journal row;
/// dumped with <c>pg_dump --inserts</c> in Upgrade/store-before-plugins.sql) is taken over by this build: the snapshot
/// decodes, the stored trigger keeps firing (no trigger in ERROR), and the history goes on where it was.
/// </summary>
[Collection(WorkerHostCollection.Name)]
public class UpgradeTests
{
    private static readonly string Fixture = Path.Combine(RepositoryRoot.Path, "tests", "TokenGovernance.AuditWorker.Tests", "Persistence", "Upgrade", "store-before-plugins.sql");

    [Fact]
    public async Task The_snapshot_written_before_the_redesign_decodes()
    {
        var database = await RestoredAsync();
        var payload = (await Database.QueryAsync(database, "SELECT payload FROM tokengov_audit_runs WHERE payload IS NOT NULL", reader => (byte[])reader[0])).Single();

        var result = new SnapshotCodec(new PolicyRuleCatalog(ProductPlugins.Rules)).Decode(payload);

        Assert.Equal("test", result.Target);
        Assert.Equal("influxdb2", result.Kind);
        Assert.Equal(AuditOutcome.Success, result.Outcome);
        Assert.Equal(["TG2001", "TG2005"], result.Findings.Select(finding => finding.Rule.Id).Order());
    }

    /// <summary>
    /// Why the stored finding (<c>StoredFinding</c>) is not the report's <c>ReportFinding</c>: during a rolling upgrade
    /// the replicas of the previous release read the snapshots this one writes, so every name they read stays where it
    /// was (the report's finding nests the reference, names the severity and carries the rule's slug: a replica of the
    /// previous release would find no <c>referenceLocation</c> and no numeric severity in it). Fields may be added,
    /// never renamed: every property path of the payload written before is in the payload this build writes.
    /// </summary>
    [Fact]
    public async Task The_payload_this_build_writes_keeps_every_name_the_previous_release_reads()
    {
        var database = await RestoredAsync();
        var before = (await Database.QueryAsync(database, "SELECT payload FROM tokengov_audit_runs WHERE payload IS NOT NULL", reader => (byte[])reader[0])).Single();
        var codec = new SnapshotCodec(new PolicyRuleCatalog(ProductPlugins.Rules));
        var decoded = codec.Decode(before);
        var now = codec.Encode(decoded with
        {
            Findings = [.. decoded.Findings, decoded.Findings[0] with { AuthorizationId = null, Reference = new FindingReference("files", "/etc/app.env:3", "fingerprint") }],
        });

        var missing = Paths(before).Except(Paths(now)).ToList();
        Assert.True(missing.Count == 0, "names the previous release reads are gone: " + string.Join(", ", missing));
        Assert.Contains("findings[].severity", Paths(now));
        Assert.Contains("findings[].referenceLocation", Paths(now));
    }

    private static HashSet<string> Paths(byte[] payload)
    {
        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(payload, 1, payload.Length - 1), System.IO.Compression.CompressionMode.Decompress);
        using var json = System.Text.Json.JsonDocument.Parse(brotli);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, string.Empty, paths);
        return paths;
    }

    private static void Collect(System.Text.Json.JsonElement element, string path, HashSet<string> paths)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : path + "." + property.Name;
                paths.Add(child);
                Collect(property.Value, child, paths);
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, path + "[]", paths);
            }
        }
    }

    [Fact]
    public async Task A_worker_of_this_build_takes_over_the_stored_schedule_and_history()
    {
        var database = await RestoredAsync();
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.UsePostgres(database, "replica-after-upgrade");
        worker.Settings["Schedule"] = "0/2 * * * * ?";
        await worker.StartAsync();

        // The stored cron trigger (not only a first run at start) fires on this build.
        await Poll.UntilAsync(async () => await Database.CountAsync(database,
                "SELECT count(*) FROM tokengov_audit_runs WHERE instance_id = 'replica-after-upgrade' AND outcome = 'success' AND scheduled_fire_time IS NOT NULL") >= 2,
            TimeSpan.FromSeconds(60), () => "the upgraded worker did not audit on the stored schedule; logs:\n" + worker.Logs.Text);
        await worker.StopAsync();

        Assert.Equal(0, await Database.CountAsync(database, "SELECT count(*) FROM qrtz_triggers WHERE trigger_state = 'ERROR'"));
        Assert.Equal(["TokenGovernance.AuditWorker.Scheduling.TargetAuditJob, tokengov"],
            await Database.QueryAsync(database, "SELECT DISTINCT job_class_name FROM qrtz_job_details", reader => reader.GetString(0)));
        Assert.Equal(3, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_audit_runs WHERE instance_id = 'replica-before-upgrade'"));
        Assert.Equal(1, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_remediation_journal WHERE id = 1 AND outcome = 'applied'"));

        // The operator token's TG2005, opened before the upgrade, is the same open finding (not resolved and re-opened).
        Assert.Equal(1, await Database.CountAsync(database,
            "SELECT count(*) FROM tokengov_findings_history WHERE target = 'test' AND rule_id = 'TG2005' AND id = 2 AND resolved_at IS NULL"));
        Assert.Equal(1, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_findings_history WHERE target = 'test' AND rule_id = 'TG2005'"));
        Assert.Equal(1, await Database.CountAsync(database, "SELECT opened FROM tokengov_finding_counters WHERE target = 'test' AND rule_id = 'TG2005'"));
    }

    private static async Task<string> RestoredAsync()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await Database.ExecuteAsync(database, await File.ReadAllTextAsync(Fixture));
        return database;
    }
}
