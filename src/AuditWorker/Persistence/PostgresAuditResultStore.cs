using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// <c>Scheduler:Store = postgres</c>: writes each finished audit — history merge, counters, the run row with its
/// snapshot payload, pruning — in one transaction, so a replica either records a run completely or not at all.
/// A write that fails is retried (the run id makes a retry idempotent) until it lands or the audit timeout passes.
/// </summary>
public sealed class PostgresAuditResultStore(
    NpgsqlDataSource dataSource,
    SnapshotCodec codec,
    AuditStateStore state,
    IOptions<TokenGovernanceOptions> options,
    IOptions<HistoryOptions> history,
    TimeProvider time,
    ILogger<PostgresAuditResultStore> logger) : IAuditResultStore
{
    public async Task<TargetAuditResult> StoreAsync(TargetAuditResult result, AuditRun run, CancellationToken cancellationToken)
    {
        var retry = DatabaseRetry.UntilDeadline(time, time.GetUtcNow() + options.Value.AuditTimeout, arguments =>
        {
            logger.LogWarning("Storing the audit of target {Target} in PostgreSQL failed (attempt {Attempt}), retrying in {Delay:0.#} s: {Reason}",
                result.Target, arguments.AttemptNumber + 1, arguments.RetryDelay.TotalSeconds, DatabaseErrors.OneLine(arguments.Outcome.Exception!));
            return ValueTask.CompletedTask;
        });
        var (stored, counts) = await retry.ExecuteAsync(async token => await WriteAsync(result, run, token), cancellationToken);
        state.Record(stored);
        state.SetCounts(stored.Target, counts);
        return stored;
    }

    private async Task<(TargetAuditResult Result, IReadOnlyDictionary<string, FindingCounts> Counts)> WriteAsync(
        TargetAuditResult result, AuditRun run, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var targetLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@target, @seed))", connection))
        {
            targetLock.Parameters.AddWithValue("target", result.Target);
            targetLock.Parameters.AddWithValue("seed", PostgresSchema.LockKey);
            await targetLock.ExecuteNonQueryAsync(cancellationToken);
        }

        var (recorded, payload) = await StoredRunAsync(connection, run.RunId, cancellationToken);
        if (recorded)
        {
            // An earlier attempt committed but its answer was lost: that run is recorded, do not record it twice.
            await transaction.CommitAsync(cancellationToken);
            return (payload ?? result, (await PostgresFindingsHistory.CountsAsync(connection, [result.Target], cancellationToken))[result.Target]);
        }

        if (result.Outcome == AuditOutcome.Success)
        {
            var firstSeen = await PostgresFindingsHistory.MergeAsync(connection, result.Target, result.Findings, result.FinishedAt.ToUniversalTime(), cancellationToken);
            result = result with
            {
                Findings = result.Findings.Select(finding => finding with
                {
                    FirstSeen = firstSeen.TryGetValue((finding.Rule.Id, finding.Subject), out var seen) ? seen : null,
                }).ToList(),
            };
        }

        var id = await InsertRunAsync(connection, result, run, cancellationToken);
        await PruneAsync(connection, result.Target, id, cancellationToken);
        var counts = (await PostgresFindingsHistory.CountsAsync(connection, [result.Target], cancellationToken))[result.Target];
        await transaction.CommitAsync(cancellationToken);
        return (result, counts);
    }

    /// <summary>Whether the run is already stored, and its payload unless a newer run superseded it.</summary>
    private async Task<(bool Recorded, TargetAuditResult? Payload)> StoredRunAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT payload FROM tokengov_audit_runs WHERE run_id = @run", connection);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, null);
        }

        return (true, reader.IsDBNull(0) ? null : codec.Decode(reader.GetFieldValue<byte[]>(0)));
    }

    private async Task<long> InsertRunAsync(NpgsqlConnection connection, TargetAuditResult result, AuditRun run, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO tokengov_audit_runs
              (run_id, target, instance_id, fire_instance_id, scheduled_fire_time, started_at, finished_at, outcome, error, findings, payload)
            VALUES (@run, @target, @instance, @fire, @scheduled, @started, @finished, @outcome, @error, @findings, @payload)
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("run", run.RunId);
        command.Parameters.AddWithValue("target", result.Target);
        command.Parameters.AddWithValue("instance", run.InstanceId);
        command.Parameters.AddWithValue("fire", NpgsqlDbType.Text, (object?)run.FireInstanceId ?? DBNull.Value);
        command.Parameters.AddWithValue("scheduled", NpgsqlDbType.TimestampTz, (object?)run.ScheduledFireTime?.ToUniversalTime() ?? DBNull.Value);
        command.Parameters.AddWithValue("started", result.StartedAt.ToUniversalTime());
        command.Parameters.AddWithValue("finished", result.FinishedAt.ToUniversalTime());
        command.Parameters.AddWithValue("outcome", result.Outcome == AuditOutcome.Success ? "success" : "failure");
        command.Parameters.AddWithValue("error", NpgsqlDbType.Text, (object?)result.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("findings", result.Findings.Count(finding => !finding.Suppressed));
        command.Parameters.AddWithValue("payload", codec.Encode(result));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Keeps the payload of the newest run and the newest successful run of the target only, and applies the
    /// retention to resolved history and to old run rows.
    /// </summary>
    private async Task PruneAsync(NpgsqlConnection connection, string target, long newest, CancellationToken cancellationToken)
    {
        await using (var superseded = new NpgsqlCommand("""
            UPDATE tokengov_audit_runs SET payload = NULL
            WHERE target = @target AND payload IS NOT NULL AND id < @newest
              AND id <> COALESCE((SELECT max(id) FROM tokengov_audit_runs WHERE target = @target AND outcome = 'success'), 0)
            """, connection))
        {
            superseded.Parameters.AddWithValue("target", target);
            superseded.Parameters.AddWithValue("newest", newest);
            await superseded.ExecuteNonQueryAsync(cancellationToken);
        }

        var cutoff = (time.GetUtcNow() - history.Value.Retention).ToUniversalTime();
        await PostgresFindingsHistory.PruneAsync(connection, cutoff, cancellationToken);
        await using var oldRuns = new NpgsqlCommand("DELETE FROM tokengov_audit_runs WHERE finished_at < @cutoff AND payload IS NULL", connection);
        oldRuns.Parameters.AddWithValue("cutoff", cutoff);
        await oldRuns.ExecuteNonQueryAsync(cancellationToken);
    }
}
