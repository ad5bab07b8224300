namespace TokenGovernance.Audit.Policy;

/// <summary>Finding severities, ordered so that a higher value is worse.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        _ => "low",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "critical": severity = Severity.Critical; return true;
            case "high": severity = Severity.High; return true;
            case "medium": severity = Severity.Medium; return true;
            case "low": severity = Severity.Low; return true;
            default: severity = default; return false;
        }
    }
}
