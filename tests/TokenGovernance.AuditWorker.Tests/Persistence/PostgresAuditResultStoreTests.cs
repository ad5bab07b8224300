using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Policy;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

public sealed class PostgresAuditResultStoreTests : IAsyncLifetime
{
    private AuditHarness _harness = null!;
    private TargetAuditResult _result = null!;
    private SnapshotCodec _codec = null!;

    public async Task InitializeAsync()
    {
        _harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        using var host = _harness.BuildHost();
        _codec = new SnapshotCodec(host.Services.GetRequiredService<PolicyRuleCatalog>());
        _result = await _harness.AuditAsync();
        Assert.NotEmpty(_result.Findings);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Storing_the_same_run_twice_records_it_once()
    {
        var database = await NewDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var store = Store(dataSource, new AuditStateStore());
        var run = AuditRun.Unscheduled("test");

        var first = await store.StoreAsync(_result, run, CancellationToken.None);
        var again = await store.StoreAsync(_result with { FinishedAt = _result.FinishedAt.AddMinutes(1) }, run, CancellationToken.None);

        Assert.Equal(1, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_audit_runs"));
        Assert.Equal(first.FinishedAt, again.FinishedAt);
        Assert.Equal(first.Findings.Select(finding => finding.FirstSeen), again.Findings.Select(finding => finding.FirstSeen));
        Assert.Equal(_result.Findings.Select(finding => (finding.Rule.Id, finding.Subject)).Distinct().Count(),
            await Database.CountAsync(database, "SELECT sum(opened)::bigint FROM tokengov_finding_counters"));
    }

    [Fact]
    public async Task A_write_during_an_outage_is_retried_and_lands_once()
    {
        var database = new NpgsqlConnectionStringBuilder(await NewDatabaseAsync());
        await using var relay = new TcpRelay(new IPEndPoint(IPAddress.Loopback, database.Port));
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = relay.Port, Timeout = 1 }.ConnectionString);
        var state = new AuditStateStore();

        var storing = Store(dataSource, state).StoreAsync(_result, AuditRun.Unscheduled("test"), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(storing.IsCompleted);
        relay.Up();
        var stored = await storing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await Database.CountAsync(database.ConnectionString, "SELECT count(*) FROM tokengov_audit_runs"));
        Assert.Same(stored, state.Targets["test"].LastSuccess);
        Assert.All(stored.Findings, finding => Assert.Equal(stored.FinishedAt.ToUnixTimeMilliseconds(), finding.FirstSeen!.Value.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task A_failed_audit_keeps_history_and_the_last_successful_payload()
    {
        var database = await NewDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var store = Store(dataSource, new AuditStateStore());
        await store.StoreAsync(_result, AuditRun.Unscheduled("test"), CancellationToken.None);
        var failure = _result with { Outcome = AuditOutcome.Failure, Findings = [], Error = "target 'test': GET /api/v2/orgs: 503", FinishedAt = _result.FinishedAt.AddMinutes(1) };
        await store.StoreAsync(failure, AuditRun.Unscheduled("test"), CancellationToken.None);
        await store.StoreAsync(failure with { FinishedAt = failure.FinishedAt.AddMinutes(1) }, AuditRun.Unscheduled("test"), CancellationToken.None);

        Assert.Equal(0, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_findings_history WHERE resolved_at IS NOT NULL"));
        Assert.Equal(2, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_audit_runs WHERE payload IS NOT NULL"));

        var snapshot = await new PostgresSnapshotReader(dataSource, _codec).ReadAsync(["test"], CancellationToken.None);
        Assert.Equal(AuditOutcome.Failure, snapshot.Targets["test"].Last.Outcome);
        Assert.Equal(_result.Findings.Count, snapshot.Targets["test"].LastSuccess!.Findings.Count);
    }

    [Fact]
    public async Task Retention_prunes_resolved_history_and_old_runs_but_keeps_open_findings()
    {
        var database = await NewDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = Store(dataSource, new AuditStateStore(), retention: TimeSpan.FromDays(1), clock);
        var opened = clock.GetUtcNow();
        var resolving = _result.Findings[0];
        var rest = _result.Findings.Where(finding => finding.Rule.Id != resolving.Rule.Id || finding.Subject != resolving.Subject).ToList();
        var resolvedEntries = $"SELECT count(*) FROM tokengov_findings_history WHERE resolved_at IS NOT NULL AND rule_id = '{resolving.Rule.Id}'";

        await StoreAtAsync(_result.Findings);
        clock.Advance(TimeSpan.FromHours(12));
        await StoreAtAsync(rest);
        Assert.Equal(1, await Database.CountAsync(database, resolvedEntries));
        clock.Advance(TimeSpan.FromHours(12));
        await StoreAtAsync(rest);
        Assert.Equal(1, await Database.CountAsync(database, resolvedEntries));

        clock.Advance(TimeSpan.FromHours(13));
        var latest = await StoreAtAsync(rest);

        Assert.Equal(0, await Database.CountAsync(database, resolvedEntries));
        Assert.Equal(rest.Select(finding => (finding.Rule.Id, finding.Subject)).Distinct().Count(),
            await Database.CountAsync(database, "SELECT count(*) FROM tokengov_findings_history WHERE resolved_at IS NULL"));
        Assert.All(latest.Findings, finding => Assert.Equal(opened.ToUnixTimeMilliseconds(), finding.FirstSeen!.Value.ToUnixTimeMilliseconds()));
        Assert.Equal(2, await Database.CountAsync(database, "SELECT count(*) FROM tokengov_audit_runs"));
        Assert.Equal(1, await Database.CountAsync(database, $"SELECT resolved FROM tokengov_finding_counters WHERE rule_id = '{resolving.Rule.Id}'"));

        Task<TargetAuditResult> StoreAtAsync(IReadOnlyList<Finding> findings) => store.StoreAsync(
            _result with { Findings = findings, StartedAt = clock.GetUtcNow(), FinishedAt = clock.GetUtcNow() }, AuditRun.Unscheduled("test"), CancellationToken.None);
    }

    private PostgresAuditResultStore Store(NpgsqlDataSource dataSource, AuditStateStore state, TimeSpan? retention = null, TimeProvider? time = null) =>
        new(dataSource, _codec, state, Options.Create(new TokenGovernanceOptions { AuditTimeout = TimeSpan.FromSeconds(30) }),
            Options.Create(new HistoryOptions { Retention = retention ?? TimeSpan.FromDays(180) }),
            time ?? TimeProvider.System, NullLogger<PostgresAuditResultStore>.Instance);
    private static async Task<string> NewDatabaseAsync()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        await new PostgresSchema(dataSource, NullLogger<PostgresSchema>.Instance).EnsureAsync(CancellationToken.None);
        return database;
    }
}
