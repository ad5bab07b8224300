namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// <c>TokenGovernance:Remediation</c>: which findings lead to which action, and the limits on acting. Nothing is acted
/// on unless configured here (every rule's action is <c>none</c> by default) and then applied from a reviewed plan.
/// </summary>
public sealed class RemediationOptions
{
    /// <summary>Rule id to action: <c>deactivate</c> or <c>none</c>.</summary>
    public Dictionary<string, string> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Days a finding must have been open (its first sighting) before its action is due.</summary>
    public int GraceDays { get; set; } = 7;

    /// <summary>A target with more due actions than this is refused whole, before any call.</summary>
    public int MaxActionsPerTarget { get; set; } = 10;

    /// <summary>A target whose due actions are more than this percentage of its tokens is refused whole.</summary>
    public double MaxPercentPerTarget { get; set; } = 5;

    /// <summary>Never touched, whatever the rules say (besides what is always protected: the audit's own user, operator tokens).</summary>
    public ProtectOptions Protect { get; set; } = new();

    /// <summary>The worker: <c>off</c> (default), <c>plan</c> (due, pending and refused actions as metrics and in /report) or <c>apply</c>.</summary>
    public string Mode { get; set; } = "off";

    /// <summary>The worker in <c>apply</c> mode appends its journal here (JSON Lines, as <c>remediate apply --journal</c>).</summary>
    public string? JournalFile { get; set; }

    public RemediationMode ParsedMode => Choices.Parse(Mode, RemediationMode.Off);
}

public sealed class ProtectOptions
{
    public List<string> TokenIds { get; set; } = [];

    /// <summary>Owner names or ids.</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>.NET regular expressions that must match the whole description.</summary>
    public List<string> DescriptionPatterns { get; set; } = [];
}

/// <summary>What a rule's finding leads to.</summary>
public enum RemediationAction
{
    None,

    /// <summary>v2: <c>PATCH /api/v2/authorizations/{id}</c> to <c>inactive</c>; reversible.</summary>
    Deactivate,
}

/// <summary>How the worker treats remediation.</summary>
public enum RemediationMode
{
    Off,
    Plan,
    Apply,
}
