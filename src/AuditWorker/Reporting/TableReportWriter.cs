using System.Text;

namespace TokenGovernance.AuditWorker.Reporting;

/// <summary>A report for people, readable in an 80-column terminal, grouped by severity.</summary>
public sealed class TableReportWriter : IReportWriter
{
    private const int Width = 80;

    public string Format => "table";

    public async Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine($"{report.Tool.Name} {report.Tool.Version} audit, {report.FinishedAt:yyyy-MM-dd HH:mm:ss} UTC");
        text.AppendLine();
        foreach (var target in report.Targets)
        {
            var line = target.Outcome == "success"
                ? $"{target.Name} ({target.Flavor}): {target.Orgs} orgs, {target.Users} users, {target.Authorizations} tokens ({target.InactiveAuthorizations} inactive)"
                : $"{target.Name}: AUDIT FAILED - {target.Error}";
            AppendWrapped(text, line, "  ");
            if (target.References is { } references)
            {
                AppendWrapped(text, "references: " + string.Join(", ", references.Select(pair => $"{pair.Value} {pair.Key}")), "    ");
            }

            foreach (var error in target.ReferenceErrors ?? [])
            {
                AppendWrapped(text, "REFERENCE SOURCE FAILED - " + error, "    ");
            }
        }

        text.AppendLine();
        foreach (var severity in new[] { "critical", "high", "medium", "low" })
        {
            var group = report.Findings.Where(finding => finding.Severity == severity && !finding.Suppressed).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            text.AppendLine($"{severity.ToUpperInvariant()} ({group.Count})");
            text.AppendLine(new string('-', Math.Min(Width, severity.Length + 5)));
            foreach (var finding in group)
            {
                var subject = finding.AuthorizationId is not null
                    ? $"token {finding.AuthorizationId}" + (finding.User is null ? string.Empty : $" of {finding.User}")
                    : finding.Reference?.Location ?? finding.Target;
                AppendWrapped(text, $"{finding.RuleId} {finding.Rule}  [{finding.Target}] {subject}", "  ");
                AppendWrapped(text, finding.Message, "      ");
            }

            text.AppendLine();
        }

        var suppressed = report.Findings.Where(finding => finding.Suppressed).ToList();
        if (suppressed.Count > 0)
        {
            text.AppendLine($"SUPPRESSED ({suppressed.Count})");
            foreach (var finding in suppressed)
            {
                AppendWrapped(text, $"{finding.RuleId} {finding.AuthorizationId ?? finding.User ?? finding.Target}: {finding.Exemption?.Reason}", "  ");
            }

            text.AppendLine();
        }

        var summary = report.Summary;
        var failed = report.Targets.Count(target => target.Outcome != "success" || target.ReferenceErrors is { Count: > 0 });
        if (failed > 0)
        {
            text.AppendLine($"{failed} target(s) could not be audited: their tokens are NOT known to be compliant.");
        }
        else if (summary.Critical + summary.High + summary.Medium + summary.Low == 0)
        {
            text.AppendLine("No findings.");
        }

        text.AppendLine($"Summary: {summary.Critical} critical, {summary.High} high, {summary.Medium} medium, {summary.Low} low, {summary.Suppressed} suppressed");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await output.WriteAsync(bytes, cancellationToken);
    }

    private static void AppendWrapped(StringBuilder text, string value, string indent)
    {
        var line = new StringBuilder(indent);
        foreach (var word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                text.AppendLine(line.ToString());
                line.Clear().Append(indent).Append("  ");
            }

            if (line.Length > indent.Length && line[^1] != ' ')
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        text.AppendLine(line.ToString());
    }
}
