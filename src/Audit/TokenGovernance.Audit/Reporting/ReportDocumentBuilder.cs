using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Reporting;

/// <summary>Maps an <see cref="AuditReport"/> onto the JSON report contract.</summary>
public static class ReportDocumentBuilder
{
    public static ReportDocument Build(AuditReport report)
    {
        var findings = report.Targets.SelectMany(target => target.Findings).ToList();
        var open = findings.Where(finding => !finding.Suppressed).ToList();
        return new ReportDocument
        {
            Tool = new ReportTool(ToolInfo.Name, ToolInfo.Version),
            StartedAt = report.StartedAt,
            FinishedAt = report.FinishedAt,
            Targets = report.Targets.Select(ToTarget).ToList(),
            Findings = findings
                .OrderByDescending(finding => finding.Severity)
                .ThenBy(finding => finding.Target, StringComparer.Ordinal)
                .ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal)
                .ThenBy(finding => finding.Subject, StringComparer.Ordinal)
                .Select(ReportFinding.From)
                .ToList(),
            Summary = new ReportSummary
            {
                Critical = open.Count(finding => finding.Severity == Severity.Critical),
                High = open.Count(finding => finding.Severity == Severity.High),
                Medium = open.Count(finding => finding.Severity == Severity.Medium),
                Low = open.Count(finding => finding.Severity == Severity.Low),
                Suppressed = findings.Count - open.Count,
            },
        };
    }

    private static ReportTarget ToTarget(TargetAuditResult result) => new()
    {
        Name = result.Target,
        Url = result.Url,
        Kind = result.Kind,
        Flavor = result.Outcome == AuditOutcome.Success ? result.Flavor ?? "auto" : null,
        Outcome = result.Outcome == AuditOutcome.Success ? "success" : "failure",
        Error = result.Error,
        Orgs = result.Organizations,
        Users = result.Users,
        Authorizations = result.Authorizations,
        ActiveAuthorizations = result.ActiveAuthorizations,
        InactiveAuthorizations = result.InactiveAuthorizations,
        TokenValuesVisible = result.TokenValuesVisible,
        DurationSeconds = Math.Round(result.Duration.TotalSeconds, 3),
        References = result.References?.CountsByState,
        ReferenceErrors = result.References is { Errors.Count: > 0 } references ? references.Errors.ToList() : null,
        RulesNotApplicable = result.RulesNotApplicable is { Count: > 0 } notApplicable ? notApplicable.ToList() : null,
    };
}
