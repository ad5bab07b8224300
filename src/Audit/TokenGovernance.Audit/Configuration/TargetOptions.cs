namespace TokenGovernance.Audit.Configuration;

/// <summary>One InfluxDB instance to audit.</summary>
public sealed class TargetOptions
{
    public const string DefaultTokenEnvironmentVariable = "INFLUX_TOKEN";

    public string Name { get; set; } = string.Empty;

    /// <summary>Base URL, e.g. <c>https://influx.example.com</c> (the client appends <c>/api/v2/...</c>).</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>File that holds the audit token (preferred: a mounted secret). Read at every audit, so rotation needs no restart.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Environment variable with the audit token, used when <see cref="TokenFile"/> is not set.</summary>
    public string? TokenEnv { get; set; }

    /// <summary>Organization names to audit; empty means all that the token sees.</summary>
    public List<string> Orgs { get; set; } = [];

    /// <summary><c>auto</c>, <c>oss</c> or <c>cloud</c>.</summary>
    public string Flavor { get; set; } = "auto";

    /// <summary>Cron expression overriding <see cref="TokenGovernanceOptions.Schedule"/> for this target.</summary>
    public string? Schedule { get; set; }

    /// <summary>PEM file with the CA certificates that sign the server's certificate (private CAs).</summary>
    public string? CaBundleFile { get; set; }

    public string EffectiveTokenEnv => string.IsNullOrWhiteSpace(TokenEnv) ? DefaultTokenEnvironmentVariable : TokenEnv;
}
