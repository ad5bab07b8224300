namespace TokenGovernance.Audit.InfluxV2;

/// <summary>The keys an <c>influxdb2</c> target takes besides the engine's: which InfluxDB v2 it is.</summary>
public sealed class InfluxV2Settings
{
    /// <summary><c>auto</c> (default: what the server says), <c>oss</c> or <c>cloud</c>.</summary>
    public string Flavor { get; set; } = "auto";

    public static IReadOnlyList<string> Keys { get; } = [nameof(Flavor)];

    public static InfluxV2Settings Bind(Func<string, string?> key) => new() { Flavor = key(nameof(Flavor)) ?? "auto" };
}
