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
}
