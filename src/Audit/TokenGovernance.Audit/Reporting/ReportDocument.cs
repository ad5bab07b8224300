using System.Text.Json.Serialization;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Reporting;

// The `audit --format json` schema (schemaVersion 1). A contract: fields may be added, never renamed.

public sealed class ReportDocument
{
    public int SchemaVersion { get; init; } = 1;

    public required ReportTool Tool { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required List<ReportTarget> Targets { get; init; }

    public required List<ReportFinding> Findings { get; init; }

    public required ReportSummary Summary { get; init; }

    /// <summary>The worker with <c>Remediation:Mode</c> plan or apply: each target's actions (due, pending, refused); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ReportRemediationAction>? Remediation { get; set; }
}

public sealed record ReportRemediationAction(string Target, string TokenId, string Rule, string Action, string State, DateTimeOffset DueAt, string? Reason);

public sealed record ReportTool(string Name, string Version);

public sealed class ReportTarget
{
    public required string Name { get; init; }

    public required string Url { get; init; }

    /// <summary><c>influxdb2</c>, <c>influxdb3</c>, <c>cloud-dedicated</c> or <c>clustered</c>, as configured.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The product read: <c>oss</c>, <c>cloud</c>, <c>core</c>, <c>enterprise</c>, <c>cloud-dedicated</c>, <c>clustered</c>; null when the target could not be read.</summary>
    public string? Flavor { get; init; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public required string Outcome { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Error { get; init; }

    public int Orgs { get; init; }

    public int Users { get; init; }

    public int Authorizations { get; init; }

    public int ActiveAuthorizations { get; init; }

    public int InactiveAuthorizations { get; init; }

    public bool TokenValuesVisible { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>Reference counts by state (working, inactive, unknown, owner-gone, unresolved), when references are configured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, int>? References { get; init; }

    /// <summary>Reference sources that could not be read: the target is not clean for them.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ReferenceErrors { get; init; }

    /// <summary>
    /// Enabled rules that did not run because the product cannot tell what they need (owners, status, expiry):
    /// absent when every rule applies (always so for InfluxDB v2).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? RulesNotApplicable { get; init; }
}

public sealed class ReportSummary
{
    public int Critical { get; init; }

    public int High { get; init; }

    public int Medium { get; init; }

    public int Low { get; init; }

    public int Suppressed { get; init; }
}
