namespace TokenGovernance.Audit.Configuration;

public sealed class PolicyOptions
{
    /// <summary>Service users that may own write tokens. Nothing in the InfluxDB API marks a user as generic.</summary>
    public UserMatchOptions GenericUsers { get; set; } = new();

    /// <summary>Users allowed to hold privileged permissions (TG2007).</summary>
    public UserMatchOptions AdminUsers { get; set; } = new();

    public int MaxTokenAgeDays { get; set; } = 365;

    public int InactiveRetentionDays { get; set; } = 90;

    /// <summary>InfluxDB 3: the most admin tokens a server may have, <c>_admin</c> included (TG2103).</summary>
    public int MaxAdminTokens { get; set; } = 2;

    /// <summary>InfluxDB 3, Dedicated, Clustered: warn this many days before an active token expires (TG2105).</summary>
    public int ExpiryWarningDays { get; set; } = 14;

    /// <summary>Per-rule settings keyed by rule id (<c>TG2009</c>).</summary>
    public Dictionary<string, RuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<ExemptionOptions> Exemptions { get; set; } = [];
}

public sealed class UserMatchOptions
{
    public List<string> Names { get; set; } = [];

    public List<string> Ids { get; set; } = [];

    /// <summary>.NET regular expressions that must match the whole user name (the engine anchors them).</summary>
    public List<string> Patterns { get; set; } = [];
}

public sealed class RuleOptions
{
    public bool? Enabled { get; set; }

    /// <summary><c>critical</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public string? Severity { get; set; }
}

public sealed class ExemptionOptions
{
    public string Rule { get; set; } = string.Empty;

    /// <summary>Exact authorization id the exemption covers.</summary>
    public string? AuthorizationId { get; set; }

    /// <summary>Exact user name the exemption covers.</summary>
    public string? User { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string? Owner { get; set; }

    /// <summary>Date (<c>yyyy-MM-dd</c>) after which the exemption no longer applies.</summary>
    public string? Expires { get; set; }
}
