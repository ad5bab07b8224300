using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.Policy;

// A finding as every output writes it: the report's `findings`, the token list's `findings`, `/report`. A contract
// (the report's schemaVersion 1): fields may be added, never renamed.

/// <summary>One finding as the reports and the token list write it.</summary>
public sealed record ReportFinding
{
    public static ReportFinding From(Finding finding) => new()
    {
        RuleId = finding.Rule.Id,
        Rule = finding.Rule.Slug,
        Severity = finding.Severity.ToName(),
        Target = finding.Target,
        Org = finding.Org,
        OrgId = finding.OrgId,
        AuthorizationId = finding.AuthorizationId,
        Description = finding.Description,
        TokenName = finding.TokenName,
        User = finding.User,
        UserId = finding.UserId,
        Reference = finding.Reference is null ? null : new ReportReference(finding.Reference.Source, finding.Reference.Location, finding.Reference.MatchedBy),
        Message = finding.Message,
        Suppressed = finding.Suppressed,
        Exemption = finding.Exemption is null ? null : new ReportExemption(finding.Exemption.Reason, finding.Exemption.Owner, finding.Exemption.Expires),
        FirstSeen = finding.FirstSeen,
    };

    /// <summary>The findings about each token, worst first, as every output lists them.</summary>
    public static Dictionary<string, List<ReportFinding>> ByToken(IEnumerable<Finding> findings) => findings
        .Where(finding => finding.AuthorizationId is not null)
        .GroupBy(finding => finding.AuthorizationId!, StringComparer.Ordinal)
        .ToDictionary(
            group => group.Key,
            group => group.OrderByDescending(finding => finding.Severity).ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal).Select(From).ToList(),
            StringComparer.Ordinal);

    public required string RuleId { get; init; }

    public required string Rule { get; init; }

    public required string Severity { get; init; }

    public required string Target { get; init; }

    public string? Org { get; init; }

    public string? OrgId { get; init; }

    public string? AuthorizationId { get; init; }

    public string? Description { get; init; }

    /// <summary>InfluxDB 3 Core/Enterprise: the token's name; absent for the products whose tokens have none.</summary>
    public string? TokenName { get; init; }

    public string? User { get; init; }

    public string? UserId { get; init; }

    public ReportReference? Reference { get; init; }

    public required string Message { get; init; }

    public bool Suppressed { get; init; }

    public ReportExemption? Exemption { get; init; }

    /// <summary>When the finding was first seen (findings history); null without history.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FirstSeen { get; init; }
}

/// <summary><c>matchedBy</c>: <c>id</c>, <c>fingerprint</c>, <c>hash-prefix</c> or <c>probe</c>; null when nothing matched it.</summary>
public sealed record ReportReference(string Source, string Location, string? MatchedBy = null);

public sealed record ReportExemption(string Reason, string? Owner, string? Expires);
