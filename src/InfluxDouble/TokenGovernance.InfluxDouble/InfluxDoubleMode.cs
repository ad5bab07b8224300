namespace TokenGovernance.InfluxDouble;

/// <summary>Which product the double imitates (REFERENCE.md §2).</summary>
public enum InfluxDoubleMode
{
    /// <summary>OSS 2.7: raw token values, <c>X-Influxdb-Build: OSS</c>.</summary>
    Oss27,

    /// <summary>OSS ≥ 2.9: hashed tokens, <c>"token": ""</c>.</summary>
    Oss29,

    /// <summary>Cloud: <c>"token": "redacted"</c>, no version headers, users only through org members.</summary>
    Cloud,

    /// <summary>InfluxDB 3 Core: <c>/api/v3/query_sql</c> on <c>system.tokens</c>, admin tokens only, <c>x-influxdb-build: Core</c>.</summary>
    V3Core,

    /// <summary>InfluxDB 3 Enterprise: as Core, with resource tokens, <c>x-influxdb-build: Enterprise</c>.</summary>
    V3Enterprise,

    /// <summary>Cloud Dedicated: the Console's management API, <c>/api/v0/accounts/{account}/clusters/{cluster}/tokens</c>.</summary>
    CloudDedicated,

    /// <summary>Clustered: the cluster's own management API, <c>/api/v0/tokens</c>.</summary>
    Clustered,
}

public static class InfluxDoubleModes
{
    /// <summary>The InfluxDB v2 modes (OSS 2.7, OSS 2.9, Cloud), which serve the v2 data of an <see cref="InfluxDataSet"/>.</summary>
    public static IReadOnlyList<InfluxDoubleMode> V2 { get; } = [InfluxDoubleMode.Oss27, InfluxDoubleMode.Oss29, InfluxDoubleMode.Cloud];

    public static bool IsV2(this InfluxDoubleMode mode) => mode is InfluxDoubleMode.Oss27 or InfluxDoubleMode.Oss29 or InfluxDoubleMode.Cloud;

    public static bool IsV3(this InfluxDoubleMode mode) => mode is InfluxDoubleMode.V3Core or InfluxDoubleMode.V3Enterprise;

    public static bool IsManagement(this InfluxDoubleMode mode) => mode is InfluxDoubleMode.CloudDedicated or InfluxDoubleMode.Clustered;
}
