namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// <c>TokenGovernance:Scheduler</c>: where the schedule, the audit snapshots and the findings history live.
/// <c>memory</c> (default) is one replica, nothing persisted; <c>postgres</c> clusters every replica that shares the database.
/// </summary>
public sealed class SchedulerOptions
{
    public const string MemoryStore = "memory";
    public const string PostgresStore = "postgres";

    /// <summary><c>memory</c> or <c>postgres</c>.</summary>
    public string Store { get; set; } = MemoryStore;

    /// <summary>A file holding the Npgsql connection string (preferred: a mounted Secret).</summary>
    public string? ConnectionStringFile { get; set; }

    /// <summary>The Npgsql connection string itself, for local use; prefer <see cref="ConnectionStringFile"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// This replica's Quartz instance id, unique in the cluster. Default: the <c>POD_NAME</c> environment variable,
    /// else one Quartz generates (host name and time).
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>How long a replica serves the stored snapshot before it reads the database again.</summary>
    public TimeSpan SnapshotCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a replica tells the cluster it is alive; a silent replica's work is taken over after about twice this.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    public bool UsesPostgres => Choices.Parse(Store, SchedulerStore.Memory) == SchedulerStore.Postgres;
}

/// <summary><c>TokenGovernance:History</c>: the findings history (first seen, last seen, resolved).</summary>
public sealed class HistoryOptions
{
    /// <summary>Resolved findings (and superseded audit runs) older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);
}
