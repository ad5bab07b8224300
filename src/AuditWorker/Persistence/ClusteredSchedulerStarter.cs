using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Scheduling;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Starts the clustered Quartz scheduler once PostgreSQL answers. The host starts (and serves /metrics, /healthz and
/// a not-ready /readyz naming the cause) while the database is down; this retries with backoff, then creates the
/// schema, registers the jobs under the advisory lock and starts the scheduler. Quartz itself rides out later outages.
/// </summary>
public sealed class ClusteredSchedulerStarter(
    PostgresSchema schema,
    NpgsqlDataSource dataSource,
    ISchedulerFactory schedulerFactory,
    StoreHealth health,
    IOptions<TokenGovernanceOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ClusteredSchedulerStarter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
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
            Environment.ExitCode = Cli.ExitCodes.WorkerFailed;
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
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action(stoppingToken);
                return;
            }
            catch (Exception exception) when (DatabaseErrors.IsUnreachable(exception) && !stoppingToken.IsCancellationRequested)
            {
                var reason = DatabaseErrors.OneLine(exception);
                health.StartupFailed(reason);
                logger.LogWarning("PostgreSQL store not ready, could not {What} (attempt {Attempt}); retrying in {Delay:0.#} s: {Reason}",
                    what, attempt, delay.TotalSeconds, reason);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }
}
