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

    public HttpEndpointOptions Http { get; set; } = new();

    public InfluxClientOptions Client { get; set; } = new();

    public ReferencesOptions References { get; set; } = new();

    public SchedulerOptions Scheduler { get; set; } = new();

    public HistoryOptions History { get; set; } = new();

    public RemediationOptions Remediation { get; set; } = new();
}

public sealed class HttpEndpointOptions
{
    /// <summary>Serve the latest report at <c>/report</c>. Off by default: the report names users and token ids.</summary>
    public bool ExposeReport { get; set; }

    /// <summary>
    /// Serve every token at <c>/tokens</c> (with the filters of <c>tokengov tokens</c>). Off by default: it names users
    /// and token ids. On, each audit keeps a record per token in the snapshot.
    /// </summary>
    public bool ExposeTokens { get; set; }

    /// <summary>Who may read <c>/tokens</c>, <c>/report</c> (and, with <c>ProtectMetrics</c>, <c>/metrics</c>).</summary>
    public EndpointAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>The certificate for <c>https://</c> listen addresses (cert-manager's files), re-read when they change.</summary>
    public EndpointTlsOptions Tls { get; set; } = new();
}

/// <summary><c>Http:Tls</c>: a PEM certificate (chain) and its key, for the <c>https://</c> addresses of <c>--urls</c>.</summary>
public sealed class EndpointTlsOptions
{
    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificateFile);
}

/// <summary>
/// <c>Http:Authentication</c>: <c>none</c> (only while nothing that shows the inventory is exposed), <c>bearer</c>
/// (tokens in files, re-read when they change) or <c>kubernetes</c> (the caller's token through a TokenReview, then a
/// SubjectAccessReview on the path). Fails closed: a review that cannot be made denies.
/// </summary>
public sealed class EndpointAuthenticationOptions
{
    public const string None = "none";
    public const string Bearer = "bearer";
    public const string Kubernetes = "kubernetes";

    public string Mode { get; set; } = None;

    /// <summary><c>bearer</c>: files holding one accepted token each (a mounted Secret's keys).</summary>
    public List<string> TokenFiles { get; set; } = [];

    /// <summary><c>/metrics</c> takes the same authentication (a ServiceMonitor can send a bearer token).</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary><c>kubernetes</c>: a kubeconfig; else in-cluster, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary><c>kubernetes</c>: how long a review's answer is reused for the same token and path.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
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
