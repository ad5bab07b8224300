namespace TokenGovernance.Audit.Management;

/// <summary>The keys a <c>cloud-dedicated</c> or <c>clustered</c> target takes besides the engine's.</summary>
public sealed class ManagementSettings
{
    public const string DefaultManagementUrl = "https://console.influxdata.com";

    /// <summary>Cloud Dedicated: the account the cluster belongs to (a UUID, from the Console or <c>influxctl</c>).</summary>
    public string? AccountId { get; set; }

    /// <summary>Cloud Dedicated: the cluster whose database tokens to read (a UUID).</summary>
    public string? ClusterId { get; set; }

    /// <summary>
    /// The management API's base URL: Cloud Dedicated <c>https://console.influxdata.com</c> by default; Clustered the
    /// cluster's own host (the target's <c>Url</c>) by default. The audit token of these kinds is a management token.
    /// </summary>
    public string? ManagementUrl { get; set; }

    public static IReadOnlyList<string> Keys { get; } = [nameof(AccountId), nameof(ClusterId), nameof(ManagementUrl)];

    public static ManagementSettings Bind(Func<string, string?> key) => new()
    {
        AccountId = key(nameof(AccountId)),
        ClusterId = key(nameof(ClusterId)),
        ManagementUrl = key(nameof(ManagementUrl)),
    };
}
