using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.InfluxDouble;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary><c>tokengov audit</c>: one audit of every target, a report, and an exit code for CI.</summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddTokenGovernanceSources(command.ConfigFile);
        builder.Logging.AddTokenGovernanceLogging(builder.Configuration, toStandardError: true);
        builder.Services.AddTokenGovernanceCore(builder.Configuration);

        // One audit neither schedules nor stores anything: a worker's Scheduler section (whose connection string
        // file may not exist in CI) is ignored rather than validated.
        builder.Services.PostConfigure<TokenGovernanceOptions>(options => options.Scheduler = new SchedulerOptions());

        await using var demo = command.Demo ? await DemoTarget.StartAsync(TimeProvider.System) : null;
        if (demo is not null)
        {
            builder.Services.PostConfigure<TokenGovernanceOptions>(demo.Apply);
        }
        else if (command.Url is not null)
        {
            builder.Services.PostConfigure<TokenGovernanceOptions>(options => options.Targets =
            [
                new TargetOptions
                {
                    Name = new Uri(command.Url, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } url ? url.Host : "cli",
                    Url = command.Url,
                    TokenFile = command.TokenFile,
                    Orgs = command.Orgs.ToList(),
                },
            ]);
        }

        using var host = builder.Build();
        var options = host.Services.GetValidatedOptions();
        if (command.Output is not null && ReportOutput.Problem(command.Output) is { } outputProblem)
        {
            // Before the audit: a report that cannot be written is a usage error, not news after a long run.
            throw new ConfigurationException($"--output '{command.Output}' {outputProblem}");
        }

        var report = await host.Services.GetRequiredService<AuditRunner>().RunAsync(options.Targets, cancellationToken);
        var document = ReportDocumentBuilder.Build(report);
        var writer = host.Services.GetServices<IReportWriter>().Single(candidate => candidate.Format == command.Format);

        try
        {
            if (command.Output is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await writer.WriteAsync(document, stdout, cancellationToken);
                await stdout.FlushAsync(cancellationToken);
            }
            else
            {
                await using var file = File.Create(command.Output);
                await writer.WriteAsync(document, file, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var where = command.Output is null ? "standard output" : $"'{command.Output}'";
            throw new ReportOutputException($"cannot write the report to {where}: {ServerText.OneLine(exception.Message)}", exception);
        }

        foreach (var failed in report.Targets.Where(target => target.Outcome == AuditOutcome.Failure))
        {
            await standardError.WriteLineAsync("tokengov: audit failed: " + TerminalText.Escape(failed.Error));
        }

        foreach (var error in report.Targets.SelectMany(target => target.References?.Errors ?? []))
        {
            await standardError.WriteLineAsync("tokengov: reference source failed: " + TerminalText.Escape(error));
        }

        return ExitCodes.For(report, command.FailOn);
    }
}
