using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.Audit.Safety;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary><c>tokengov audit</c>: one audit of every target, a report, and an exit code for CI.</summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        await using var cli = await CliHost.StartAsync(command);
        AuditReport report;
        await using (var progress = TerminalProgress.ForStandardError(cli.Options.Targets.Count))
        {
            report = await cli.Services.GetRequiredService<AuditRunner>().RunAsync(cli.Options.Targets, cancellationToken, new AuditRequest { Progress = progress });
        }

        var document = ReportDocumentBuilder.Build(report);
        var writer = cli.Services.GetServices<IReportWriter>().Single(candidate => candidate.Format == command.Format);
        await CliHost.WriteOutputAsync(command.Output, "report", output => writer.WriteAsync(document, output, cancellationToken), cancellationToken);
        await WriteFailuresAsync(report, standardError);
        return ExitCodes.For(report, command.FailOn);
    }

    /// <summary>Each target that could not be read and each reference source that failed, one line each on stderr.</summary>
    public static async Task WriteFailuresAsync(AuditReport report, TextWriter standardError)
    {
        foreach (var failed in report.Targets.Where(target => target.Outcome == AuditOutcome.Failure))
        {
            await standardError.WriteLineAsync("tokengov: audit failed: " + TerminalText.Escape(failed.Error));
        }

        foreach (var error in report.Targets.SelectMany(target => target.References?.Errors ?? []))
        {
            await standardError.WriteLineAsync("tokengov: reference source failed: " + TerminalText.Escape(error));
        }
    }
}
