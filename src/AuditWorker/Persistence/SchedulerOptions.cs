using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// <c>TokenGovernance:Scheduler</c>: where the schedule, the audit snapshots and the findings history live.
/// <c>memory</c> (default) is one replica, nothing persisted; <c>postgres</c> clusters every replica that shares the database.
/// </summary>
public sealed class SchedulerOptions
{
    public const string Section = TokenGovernanceOptions.SectionName + ":Scheduler";
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
    [DurationRange(Section, "00:00:00.1", "01:00:00", Positive = true)]
    public TimeSpan SnapshotCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a replica tells the cluster it is alive; a silent replica's work is taken over after about twice this.</summary>
    [DurationRange(Section, "00:00:00.1", "01:00:00", Positive = true)]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    public bool UsesPostgres => Choices.Parse(Store, SchedulerStore.Memory) == SchedulerStore.Postgres;
}

/// <summary>Where the worker keeps its schedule and results.</summary>
public enum SchedulerStore
{
    Memory,
    Postgres,
}

/// <summary>The ranges of <see cref="SchedulerOptions"/> (source-generated; <see cref="SchedulerOptionsValidator"/> runs it in its order).</summary>
[OptionsValidator]
public sealed partial class SchedulerOptionsRanges : IValidateOptions<SchedulerOptions>;
