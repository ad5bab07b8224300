namespace TokenGovernance.Audit.Configuration;

/// <summary>Which InfluxDB product a target is: which reader reads it (<c>Kind</c> on a target).</summary>
public enum TargetKind
{
    /// <summary><c>influxdb2</c>: InfluxDB v2 OSS or Cloud (TSM / Serverless); <c>Flavor</c> tells which.</summary>
    InfluxDb2,

    /// <summary><c>influxdb3</c>: InfluxDB 3 Core or Enterprise; the edition is detected.</summary>
    InfluxDb3,

    /// <summary><c>cloud-dedicated</c>: InfluxDB Cloud Dedicated, read through its management API.</summary>
    CloudDedicated,

    /// <summary><c>clustered</c>: InfluxDB Clustered, read through the cluster's own management API.</summary>
    Clustered,
}

/// <summary>The words <c>Kind</c> accepts (a bounded set: they are also the <c>kind</c> label of the metrics).</summary>
public static class TargetKinds
{
    public const string InfluxDb2 = "influxdb2";
    public const string InfluxDb3 = "influxdb3";
    public const string CloudDedicated = "cloud-dedicated";
    public const string Clustered = "clustered";

    public static IReadOnlyList<string> All { get; } = [InfluxDb2, InfluxDb3, CloudDedicated, Clustered];

    public static bool TryParse(string? text, out TargetKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or InfluxDb2: kind = TargetKind.InfluxDb2; return true;
            case InfluxDb3: kind = TargetKind.InfluxDb3; return true;
            case CloudDedicated: kind = TargetKind.CloudDedicated; return true;
            case Clustered: kind = TargetKind.Clustered; return true;
            default: kind = default; return false;
        }
    }

    public static string ToName(this TargetKind kind) => kind switch
    {
        TargetKind.InfluxDb3 => InfluxDb3,
        TargetKind.CloudDedicated => CloudDedicated,
        TargetKind.Clustered => Clustered,
        _ => InfluxDb2,
    };
}
