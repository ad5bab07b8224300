namespace TokenGovernance.Audit.InfluxV2;

public enum InfluxFlavor
{
    Auto,
    Oss,
    Cloud,
}

public static class InfluxFlavorNames
{
    public static bool TryParse(string? text, out InfluxFlavor flavor)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto": flavor = InfluxFlavor.Auto; return true;
            case "oss": flavor = InfluxFlavor.Oss; return true;
            case "cloud": flavor = InfluxFlavor.Cloud; return true;
            default: flavor = default; return false;
        }
    }

    public static string ToName(this InfluxFlavor flavor) => flavor switch
    {
        InfluxFlavor.Oss => "oss",
        InfluxFlavor.Cloud => "cloud",
        _ => "auto",
    };
}
