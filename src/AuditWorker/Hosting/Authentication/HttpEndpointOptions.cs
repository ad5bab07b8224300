using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

/// <summary><c>TokenGovernance:Http</c>: what the worker serves besides <c>/metrics</c> and the health endpoints, to whom, over which TLS.</summary>
public sealed class HttpEndpointOptions
{
    public const string Section = TokenGovernanceOptions.SectionName + ":Http";

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
    public const string Section = HttpEndpointOptions.Section + ":Authentication";

    public string Mode { get; set; } = None;

    /// <summary><c>bearer</c>: files holding one accepted token each (a mounted Secret's keys).</summary>
    public List<string> TokenFiles { get; set; } = [];

    /// <summary><c>/metrics</c> takes the same authentication (a ServiceMonitor can send a bearer token).</summary>
    public bool ProtectMetrics { get; set; }

    /// <summary><c>kubernetes</c>: a kubeconfig; else in-cluster, else <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary><c>kubernetes</c>: how long a review's answer is reused for the same token and path.</summary>
    [DurationRange(Section, "00:00:00", "01:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The ranges of <see cref="EndpointAuthenticationOptions"/> (source-generated; <see cref="HttpEndpointOptionsValidator"/> runs it in its order).</summary>
[OptionsValidator]
public sealed partial class EndpointAuthenticationRanges : IValidateOptions<EndpointAuthenticationOptions>;
