using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Results;

/// <summary>
/// snapshot-store CONNECTION [findings]: times storing one audit of N findings in PostgreSQL (history merge,
/// counters, compressed snapshot, pruning) and reading it back as a fresh replica would, for a first run (every
/// finding new), a repeat run (every finding still open) and a run where a tenth resolved and a tenth are new.
/// </summary>
internal static class SnapshotStoreBenchmark
{
    public static async Task<int> RunAsync(string connectionString, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new PostgresSchema(dataSource, NullLogger<PostgresSchema>.Instance).EnsureAsync(CancellationToken.None);
        var catalog = new PolicyRuleCatalog(PolicyRuleSet());
        var codec = new SnapshotCodec(catalog);
        var options = Options.Create(new TokenGovernanceOptions());
        var store = new PostgresAuditResultStore(dataSource, codec, new AuditStateStore(), options, Options.Create(new HistoryOptions()), TimeProvider.System, NullLogger<PostgresAuditResultStore>.Instance);
        var rules = catalog.All.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToArray();

        Console.WriteLine($"snapshot store, {count:N0} findings per audit, PostgreSQL {await ServerVersionAsync(dataSource)}");
        Console.WriteLine("| run | write s | read s (fresh replica) | payload MB | findings opened | resolved |");
        Console.WriteLine("|---|---|---|---|---|---|");
        await MeasureAsync("first (all new)", Result(rules, 0, count));
        await MeasureAsync("repeat (all still open)", Result(rules, 0, count));
        await MeasureAsync("10% resolved, 10% new", Result(rules, count / 10, count));
        var sample = Result(rules, 0, count);
        var encode = Stopwatch.StartNew();
        var payload = codec.Encode(sample);
        encode.Stop();
        var decode = Stopwatch.StartNew();
        codec.Decode(payload);
        decode.Stop();
        Console.WriteLine($"of which the payload alone: encode {encode.Elapsed.TotalSeconds:F2} s, decode {decode.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return 0;

        async Task MeasureAsync(string name, TargetAuditResult result)
        {
            var (openedBefore, resolvedBefore) = await PostgresFindingsHistoryCounts(dataSource);
            var write = Stopwatch.StartNew();
            await store.StoreAsync(result, AuditRun.Unscheduled("benchmark"), CancellationToken.None);
            write.Stop();

            var read = Stopwatch.StartNew();
            var snapshot = await new PostgresSnapshotReader(dataSource, codec).ReadAsync(["bench"], CancellationToken.None);
            read.Stop();
            if (snapshot.Targets["bench"].Last.Findings.Count != count)
            {
                throw new InvalidOperationException("read back a different number of findings");
            }

            var (opened, resolved) = await PostgresFindingsHistoryCounts(dataSource);
            var payload = await PayloadBytesAsync(dataSource);
            Console.WriteLine($"| {name} | {write.Elapsed.TotalSeconds:F2} | {read.Elapsed.TotalSeconds:F2} | {payload / 1048576.0:F1} | {opened - openedBefore:N0} | {resolved - resolvedBefore:N0} |");
        }
    }

    /// <summary>Findings over authorization ids offset..offset+count, spread over the rules like a large estate.</summary>
    private static TargetAuditResult Result(PolicyRuleDescriptor[] rules, int offset, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var findings = new List<Finding>(count);
        for (var index = offset; index < offset + count; index++)
        {
            var rule = rules[index % rules.Length];
            findings.Add(new Finding
            {
                Rule = rule,
                Severity = rule.DefaultSeverity,
                Target = "bench",
                Org = "org-" + (index % 100),
                OrgId = (index % 100).ToString("x16"),
                AuthorizationId = index.ToString("x16"),
                Description = "telegraf writer " + index,
                User = "user-" + (index % 10_000),
                UserId = (index % 10_000).ToString("x16"),
                Message = $"write token of personal user user-{index % 10_000} (not a generic user)",
            });
        }

        return new TargetAuditResult
        {
            Target = "bench",
            Url = "http://influx.bench:8086/",
            Outcome = AuditOutcome.Success,
            Authorizations = count,
            ActiveAuthorizations = count,
            Findings = findings,
            StartedAt = now.AddSeconds(-3),
            FinishedAt = now,
        };
    }

    private static IEnumerable<IPolicyRule> PolicyRuleSet() => ProductPlugins.Rules;

    private static async Task<string> ServerVersionAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    private static async Task<(long Opened, long Resolved)> PostgresFindingsHistoryCounts(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(sum(opened), 0)::bigint, coalesce(sum(resolved), 0)::bigint FROM tokengov_finding_counters WHERE target = 'bench'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<long> PayloadBytesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT octet_length(payload) FROM tokengov_audit_runs WHERE target = 'bench' ORDER BY id DESC LIMIT 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
