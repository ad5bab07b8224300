using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>
/// Starts the clustered Quartz scheduler once PostgreSQL answers. The host starts (and serves /metrics, /healthz and
/// a not-ready /readyz naming the cause) while the database is down; this retries with backoff, then creates the
/// schema, registers the jobs under the advisory lock and starts the scheduler. Quartz itself rides out later outages.
/// </summary>
public sealed class ClusteredSchedulerStarter(
    PostgresSchema schema,
    NpgsqlDataSource dataSource,
    ISchedulerFactory schedulerFactory,
    ErroredTriggerRecovery recovery,
    StoreHealth health,
    IOptions<TokenGovernanceOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ClusteredSchedulerStarter> logger) : BackgroundService
{
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RetryUntilReachableAsync("create the schema", schema.EnsureAsync, stoppingToken);
        health.MarkSchemaReady();

        try
        {
            _scheduler = await schedulerFactory.GetScheduler(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Quartz cannot re-create a scheduler whose first start failed: let the orchestrator restart the process.
            logger.LogCritical("The clustered Quartz scheduler could not be created: {Reason}; stopping", exception.Message);
            health.StartupFailed("scheduler could not be created: " + exception.Message);
            Environment.ExitCode = ExitCodes.WorkerFailed;
            lifetime.StopApplication();
            return;
        }

        await RetryUntilReachableAsync("register the audit jobs", RegisterJobsAsync, stoppingToken);
        await _scheduler.Start(stoppingToken);
        health.MarkSchedulerStarted();
        logger.LogInformation("Clustered scheduler {Name} started as instance {InstanceId}", _scheduler.SchedulerName, _scheduler.SchedulerInstanceId);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    /// <summary>Registration is serialised across replicas by the session advisory lock the schema step also uses.</summary>
    private async Task RegisterJobsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            acquire.Parameters.AddWithValue("key", PostgresSchema.LockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await AuditJobScheduler.ScheduleAsync(_scheduler!, options.Value, shared: true, cancellationToken);
            await recovery.AttachAsync(_scheduler!, cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", PostgresSchema.LockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task RetryUntilReachableAsync(string what, Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        var retry = DatabaseRetry.UntilReachable(time, arguments =>
        {
            var reason = DatabaseErrors.OneLine(arguments.Outcome.Exception!);
            health.StartupFailed(reason);
            logger.LogWarning("PostgreSQL store not ready, could not {What} (attempt {Attempt}); retrying in {Delay:0.#} s: {Reason}",
                what, arguments.AttemptNumber + 1, arguments.RetryDelay.TotalSeconds, reason);
            return ValueTask.CompletedTask;
        });
        await retry.ExecuteAsync(async token => await action(token), stoppingToken);
    }
}
