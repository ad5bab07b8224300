using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Every <c>SnapshotCacheDuration</c>, replaces what this replica serves (/metrics, /report, /readyz) with the latest
/// snapshot stored in PostgreSQL, whichever replica wrote it. A failed read keeps the last snapshot and marks the
/// replica not ready with the cause.
/// </summary>
public sealed class SnapshotRefresher(
    PostgresSnapshotReader reader,
    AuditStateStore state,
    StoreHealth health,
    IOptions<TokenGovernanceOptions> options,
    IOptions<SchedulerOptions> scheduler,
    TimeProvider time,
    ILogger<SnapshotRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await health.SchemaReady.WaitAsync(stoppingToken);
        var targets = options.Value.Targets.Select(target => target.Name).ToList();
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var snapshot = await reader.ReadAsync(targets, stoppingToken);
                state.Replace(snapshot.Targets, snapshot.Counts);
                health.RefreshSucceeded(time.GetUtcNow());
                if (failing)
                {
                    logger.LogInformation("Reading the stored snapshot from PostgreSQL works again");
                    failing = false;
                }
            }
            catch (Exception exception) when (DatabaseErrors.IsUnreachable(exception) || exception is InvalidDataException)
            {
                var reason = DatabaseErrors.OneLine(exception);
                health.RefreshFailed(reason);
                if (!failing)
                {
                    logger.LogWarning("Could not read the stored snapshot from PostgreSQL; serving the last one read: {Reason}", reason);
                    failing = true;
                }
            }

            await Task.Delay(scheduler.Value.SnapshotCacheDuration, time, stoppingToken);
        }
    }
}
