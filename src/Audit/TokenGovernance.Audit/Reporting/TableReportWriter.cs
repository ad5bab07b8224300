using System.Text;
using TokenGovernance.Audit.Products;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Reporting;

/// <summary>
/// A report for people, readable in an 80-column terminal, grouped by severity. Written line by line through a
/// buffered writer: 100,000 findings never sit in memory as one string. A target of a product with organizations is
/// summed up with its orgs and users; any other with its tokens only.
/// </summary>
public sealed class TableReportWriter(ProductCatalog products) : IReportWriter, IReportFormat
{
    private const int Width = 80;

    public static string FormatName => "table";

    public string Format => FormatName;

    public async Task WriteAsync(ReportDocument report, Stream output, CancellationToken cancellationToken)
    {
        await using var text = new LineWriter(output, cancellationToken);
        await text.AppendLineAsync($"{report.Tool.Name} {report.Tool.Version} audit, {report.FinishedAt:yyyy-MM-dd HH:mm:ss} UTC");
        await text.AppendLineAsync();
        foreach (var target in report.Targets)
        {
            var line = target.Outcome != "success" ? $"{target.Name}: AUDIT FAILED - {target.Error}"
                : products.Find(target.Kind)?.HasOrgs == true ? $"{target.Name} ({target.Flavor}): {target.Orgs} orgs, {target.Users} users, {target.Authorizations} tokens ({target.InactiveAuthorizations} inactive)"
                : $"{target.Name} ({target.Flavor}): {target.Authorizations} tokens ({target.InactiveAuthorizations} expired or revoked)";
            await text.AppendWrappedAsync(line, "  ");
            if (target.References is { } references)
            {
                await text.AppendWrappedAsync("references: " + string.Join(", ", references.Select(pair => $"{pair.Value} {pair.Key}")), "    ");
            }

            if (target.RulesNotApplicable is { Count: > 0 } notApplicable)
            {
                await text.AppendWrappedAsync("rules not applicable (the product cannot tell what they need): " + string.Join(", ", notApplicable), "    ");
            }

            foreach (var error in target.ReferenceErrors ?? [])
            {
                await text.AppendWrappedAsync("REFERENCE SOURCE FAILED - " + error, "    ");
            }
        }

        await text.AppendLineAsync();
        foreach (var severity in new[] { "critical", "high", "medium", "low" })
        {
            var group = report.Findings.Where(finding => finding.Severity == severity && !finding.Suppressed).ToList();
            if (group.Count == 0)
            {
                continue;
            }

            await text.AppendLineAsync($"{severity.ToUpperInvariant()} ({group.Count})");
            await text.AppendLineAsync(new string('-', Math.Min(Width, severity.Length + 5)));
            foreach (var finding in group)
            {
                var subject = finding.AuthorizationId is not null
                    ? $"token {finding.AuthorizationId}" + (finding.TokenName is null ? string.Empty : $" '{finding.TokenName}'")
                      + (finding.User is null ? string.Empty : $" of {finding.User}")
                    : finding.Reference?.Location ?? finding.Target;
                await text.AppendWrappedAsync($"{finding.RuleId} {finding.Rule}  [{finding.Target}] {subject}", "  ");
                await text.AppendWrappedAsync(finding.Message, "      ");
            }

            await text.AppendLineAsync();
        }

        var suppressed = report.Findings.Where(finding => finding.Suppressed).ToList();
        if (suppressed.Count > 0)
        {
            await text.AppendLineAsync($"SUPPRESSED ({suppressed.Count})");
            foreach (var finding in suppressed)
            {
                await text.AppendWrappedAsync($"{finding.RuleId} {finding.AuthorizationId ?? finding.User ?? finding.Target}: {finding.Exemption?.Reason}", "  ");
            }

            await text.AppendLineAsync();
        }

        var summary = report.Summary;
        var failed = report.Targets.Count(target => target.Outcome != "success" || target.ReferenceErrors is { Count: > 0 });
        if (failed > 0)
        {
            await text.AppendLineAsync($"{failed} target(s) could not be audited: their tokens are NOT known to be compliant.");
        }
        else if (summary.Critical + summary.High + summary.Medium + summary.Low == 0)
        {
            await text.AppendLineAsync("No findings.");
        }

        await text.AppendLineAsync($"Summary: {summary.Critical} critical, {summary.High} high, {summary.Medium} medium, {summary.Low} low, {summary.Suppressed} suppressed");
    }

    /// <summary>Lines out through a buffered UTF-8 writer, long ones wrapped at the width with a hanging indent.</summary>
    private sealed class LineWriter(Stream output, CancellationToken cancellationToken) : IAsyncDisposable
    {
        private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
        private readonly StringBuilder _line = new(Width + 16);

        public async Task AppendLineAsync(string value = "") => await _writer.WriteLineAsync(TerminalText.Escape(value).AsMemory(), cancellationToken);

        /// <summary>Server text (names, descriptions, messages) is escaped here, so no value can move the cursor or start a line.</summary>
        public async Task AppendWrappedAsync(string value, string indent)
        {
            value = TerminalText.Escape(value);
            _line.Clear().Append(indent);
            for (int start = 0, end; start < value.Length; start = end + 1)
            {
                end = value.IndexOf(' ', start) is var space and >= 0 ? space : value.Length;
                var word = value.AsMemory(start, end - start);
                if (word.IsEmpty)
                {
                    continue;
                }

                if (_line.Length > indent.Length && _line.Length + 1 + word.Length > Width)
                {
                    await _writer.WriteLineAsync(_line, cancellationToken);
                    _line.Clear().Append(indent).Append("  ");
                }

                if (_line.Length > indent.Length && _line[^1] != ' ')
                {
                    _line.Append(' ');
                }

                _line.Append(word);
            }

            await _writer.WriteLineAsync(_line, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.FlushAsync(cancellationToken);
            await _writer.DisposeAsync();
        }
    }
}
