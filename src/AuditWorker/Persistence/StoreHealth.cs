namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// What /readyz says about the PostgreSQL store: whether the schema is in place and the scheduler started, and the
/// last problem talking to the database (cleared by the next success). Written by the starter and the refresher.
/// </summary>
public sealed class StoreHealth
{
    private readonly TaskCompletionSource _schemaReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _startupProblem;
    private volatile string? _refreshProblem;
    private volatile bool _schedulerStarted;
    private long _lastRefreshTicks;

    public Task SchemaReady => _schemaReady.Task;

    public bool SchedulerStarted => _schedulerStarted;

    /// <summary>The current problem, or null: a failed start attempt first, else a failed refresh.</summary>
    public string? Problem => _startupProblem ?? _refreshProblem;

    public DateTimeOffset? LastRefresh => Interlocked.Read(ref _lastRefreshTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void StartupFailed(string problem) => _startupProblem = problem;

    public void MarkSchemaReady()
    {
        _startupProblem = null;
        _schemaReady.TrySetResult();
    }

    public void MarkSchedulerStarted()
    {
        _startupProblem = null;
        _schedulerStarted = true;
    }

    public void RefreshSucceeded(DateTimeOffset at)
    {
        _refreshProblem = null;
        Interlocked.Exchange(ref _lastRefreshTicks, at.UtcTicks);
    }

    public void RefreshFailed(string problem) => _refreshProblem = problem;
}
