namespace TokenGovernance.Audit.Configuration;

/// <summary>One InfluxDB instance to audit.</summary>
public sealed class TargetOptions
{
    public const string DefaultTokenEnvironmentVariable = "INFLUX_TOKEN";

    public const string DefaultManagementUrl = "https://console.influxdata.com";

    public string Name { get; set; } = string.Empty;

    /// <summary><c>influxdb2</c> (default), <c>influxdb3</c>, <c>cloud-dedicated</c> or <c>clustered</c>: see <see cref="TargetKinds"/>.</summary>
    public string Kind { get; set; } = TargetKinds.InfluxDb2;

    /// <summary>Base URL, e.g. <c>https://influx.example.com</c> (the client appends <c>/api/v2/...</c>).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>File that holds the audit token (preferred: a mounted secret). Read at every audit, so rotation needs no restart.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Environment variable with the audit token, used when <see cref="TokenFile"/> is not set.</summary>
    public string? TokenEnv { get; set; }

    /// <summary>Organization names to audit; empty means all that the token sees.</summary>
    public List<string> Orgs { get; set; } = [];

    /// <summary><c>auto</c>, <c>oss</c> or <c>cloud</c>: which InfluxDB v2 (<c>influxdb2</c> targets only).</summary>
    public string Flavor { get; set; } = "auto";

    /// <summary>Cloud Dedicated: the account the cluster belongs to (a UUID, from the Console or <c>influxctl</c>).</summary>
    public string? AccountId { get; set; }

    /// <summary>Cloud Dedicated: the cluster whose database tokens to read (a UUID).</summary>
    public string? ClusterId { get; set; }

    /// <summary>
    /// The management API's base URL: Cloud Dedicated <c>https://console.influxdata.com</c> by default; Clustered the
    /// cluster's own host (<see cref="Url"/>) by default. The audit token of these kinds is a management token.
    /// </summary>
    public string? ManagementUrl { get; set; }

    /// <summary>
    /// The generic (service) user that <c>reissue</c> creates this target's new tokens for, by name or id; defaults to
    /// <see cref="RemediationOptions.ServiceUser"/>. It must exist and be active (checked when the plan is made).
    /// </summary>
    public string? ServiceUser { get; set; }

    /// <summary>Cron expression overriding <see cref="TokenGovernanceOptions.Schedule"/> for this target.</summary>
    public string? Schedule { get; set; }

    /// <summary>PEM file with the CA certificates that sign the server's certificate (private CAs).</summary>
    public string? CaBundleFile { get; set; }

    public TargetKind ParsedKind => TargetKinds.TryParse(Kind, out var kind) ? kind : TargetKind.InfluxDb2;

    /// <summary>Where the management API of a Dedicated or Clustered target answers.</summary>
    public string EffectiveManagementUrl => !string.IsNullOrWhiteSpace(ManagementUrl) ? ManagementUrl
        : ParsedKind == TargetKind.CloudDedicated ? DefaultManagementUrl : Url;

    /// <summary>The URL reports and results name the target by: its <see cref="Url"/>, else (Dedicated) the management API's.</summary>
    public string ReportedUrl => string.IsNullOrWhiteSpace(Url) ? EffectiveManagementUrl : Url;

    public string EffectiveTokenEnv => string.IsNullOrWhiteSpace(TokenEnv) ? DefaultTokenEnvironmentVariable : TokenEnv;
}
