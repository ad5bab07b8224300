namespace TokenGovernance.Audit.Configuration;

/// <summary>The <c>TokenGovernance</c> configuration section.</summary>
public sealed class TokenGovernanceOptions
{
    public const string SectionName = "TokenGovernance";

    public const string DefaultSchedule = "0 */15 * * * ?";

    /// <summary>InfluxDB instances to audit.</summary>
    public List<TargetOptions> Targets { get; set; } = [];

    public PolicyOptions Policy { get; set; } = new();

    /// <summary>Quartz cron expression for every target without its own <see cref="TargetOptions.Schedule"/>.</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>Run one audit of every target as soon as the worker starts.</summary>
    public bool RunOnStart { get; set; } = true;

    /// <summary>Longest time one audit of one target may take.</summary>
    public TimeSpan AuditTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>On shutdown, how long running audits may go on before they are cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How many targets are audited at once.</summary>
    public int MaxConcurrentTargets { get; set; } = 4;

    /// <summary><c>plain</c> or <c>json</c> console logs.</summary>
    public string LogFormat { get; set; } = "plain";

    public InfluxClientOptions Client { get; set; } = new();

    public ReferencesOptions References { get; set; } = new();

    public RemediationOptions Remediation { get; set; } = new();
}

/// <summary>Resilience of the calls to InfluxDB.</summary>
public sealed class InfluxClientOptions
{
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many <c>GET /api/v2/users/{id}</c> lookups of owners at once.</summary>
    public int MaxConcurrentLookups { get; set; } = 8;
}
