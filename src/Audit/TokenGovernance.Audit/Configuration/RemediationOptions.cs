namespace TokenGovernance.Audit.Configuration;

/// <summary>
/// <c>TokenGovernance:Remediation</c>: which findings lead to which action, and the limits on acting. Nothing is acted
/// on unless configured here (every rule's action is <c>none</c> by default) and then applied from a reviewed plan.
/// </summary>
public sealed class RemediationOptions
{
    /// <summary>The rules about tokens of a person (TG2001, TG2010): the only ones <c>reissue</c> answers.</summary>
    public static readonly IReadOnlySet<string> ReissueRules = new HashSet<string>(["TG2001", "TG2010"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule id to action: <c>deactivate</c>, <c>reissue</c> (TG2001 and TG2010 only) or <c>none</c>.</summary>
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

    /// <summary>The service user <c>reissue</c> creates new tokens for, by name or id, where a target names none of its own.</summary>
    public string? ServiceUser { get; set; }

    /// <summary>After a re-issue rewrote a Kubernetes Secret, restart the Deployments, StatefulSets and DaemonSets that use it.</summary>
    public bool RestartWorkloads { get; set; }

    /// <summary>The service user of <paramref name="target"/>: its own, else <see cref="ServiceUser"/>; null when neither is set.</summary>
    public string? ServiceUserFor(TargetOptions target) =>
        !string.IsNullOrWhiteSpace(target.ServiceUser) ? target.ServiceUser.Trim()
        : !string.IsNullOrWhiteSpace(ServiceUser) ? ServiceUser.Trim()
        : null;

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

    /// <summary>
    /// v2: a token with the same permissions for the service user, written into every reference that held the old one;
    /// the old token is deactivated after <c>GraceDays</c>. For personal tokens (TG2001, TG2010) only.
    /// </summary>
    Reissue,
}

/// <summary>How the worker treats remediation.</summary>
public enum RemediationMode
{
    Off,
    Plan,
    Apply,
}
