using System.Text.Json;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.Audit.Safety;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// The entry point: parses the command line, runs the command, maps problems to exit codes. Whatever happens, the
/// user sees clear lines on stderr and an exit code from <see cref="ExitCodes"/>, never a .NET crash dump.
/// </summary>
public static class TokenGovernanceCli
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var command = CommandLine.Parse(args);
        var error = Console.Error;
        if (command.Error is not null)
        {
            await WriteLinesAsync(error, command.Error, "Run 'tokengov --help' for usage.");
            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            switch (command.Kind)
            {
                case CommandKind.Help:
                    Console.WriteLine(CommandLine.Usage);
                    return ExitCodes.Success;
                case CommandKind.CommandHelp:
                    return command.WriteHelp!();
                case CommandKind.Version:
                    Console.WriteLine($"{ToolInfo.Name} {ToolInfo.Version}");
                    return ExitCodes.Success;
                case CommandKind.Audit:
                    return await AuditCommand.RunAsync(command, error, cancellationToken);
                case CommandKind.Tokens:
                    return await TokensCommand.RunAsync(command, error, cancellationToken);
                case CommandKind.TokensShow:
                    return await TokensCommand.ShowAsync(command, error, cancellationToken);
                case CommandKind.RemediatePlan:
                    return await RemediateCommand.PlanAsync(command, error, cancellationToken);
                case CommandKind.RemediateApply:
                    return await RemediateCommand.ApplyAsync(command, error, cancellationToken);
                case CommandKind.RemediateRollback:
                    return await RemediateCommand.RollbackAsync(command, error, cancellationToken);
                default:
                    return await WorkerHost.RunAsync(new WorkerSettings { ConfigFile = command.ConfigFile, Urls = command.Urls, Demo = command.Demo }, cancellationToken);
            }
        }
        catch (Exception exception) when (ConfigurationProblem(exception) is { } message)
        {
            await WriteLinesAsync(error, message.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(line => "configuration error: " + line).ToArray());
            return ExitCodes.UsageOrConfiguration;
        }
        catch (ReportOutputException exception)
        {
            await WriteLinesAsync(error, exception.Message);
            return ExitCodes.OutputFailed;
        }
        catch (Audit.Remediation.JournalWriteException exception)
        {
            await WriteLinesAsync(error, exception.Message);
            return ExitCodes.OutputFailed;
        }
        catch (ListenException exception)
        {
            await WriteLinesAsync(error, exception.Message);
            return ExitCodes.WorkerFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await WriteLinesAsync(error, "cancelled");
            return ExitCodes.InternalError;
        }
        catch (IOException exception)
        {
            // Help or version text to a closed or full standard output.
            await WriteLinesAsync(error, "cannot write to standard output: " + ServerText.OneLine(exception.Message));
            return ExitCodes.OutputFailed;
        }
        catch (Exception exception)
        {
            // The last resort. The message is left out: it may quote the input that caused it, a token included.
            var site = ExceptionSite.Of(exception);
            await WriteLinesAsync(error, $"internal error: {exception.GetType().Name}{site} (a bug in tokengov: please report it with this line)");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Each line prefixed and escaped for the terminal; a stderr that cannot be written to is given up on quietly.</summary>
    private static async Task WriteLinesAsync(TextWriter error, params string[] lines)
    {
        try
        {
            foreach (var line in lines)
            {
                await error.WriteLineAsync(line.StartsWith("Run '", StringComparison.Ordinal) ? line : "tokengov: " + TerminalText.Escape(line));
            }
        }
        catch (IOException)
        {
            // Nowhere left to say it; the exit code still does.
        }
    }

    private static string? ConfigurationProblem(Exception exception) => exception switch
    {
        ConfigurationException configuration => configuration.Message,
        Microsoft.Extensions.Options.OptionsValidationException validation => string.Join(Environment.NewLine, validation.Failures),
        InvalidDataException data when data.InnerException is FormatException or JsonException =>
            "the configuration file is not valid JSON: " + ServerText.OneLine(data.InnerException?.Message ?? data.Message),
        InvalidDataException data => ServerText.OneLine(data.Message),
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => ConfigurationProblem(inner) is not null) =>
            string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(inner => ConfigurationProblem(inner))),
        _ => null,
    };
}
