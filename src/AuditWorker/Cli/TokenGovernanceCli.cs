using System.Text.Json;
using TokenGovernance.AuditWorker.Hosting;
using TokenGovernance.AuditWorker.Reporting;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>The entry point: parses the command line, runs the command, maps problems to exit codes.</summary>
public static class TokenGovernanceCli
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var command = CommandLine.Parse(args);
        var error = Console.Error;
        if (command.Error is not null)
        {
            await error.WriteLineAsync("tokengov: " + command.Error);
            await error.WriteLineAsync("Run 'tokengov --help' for usage.");
            return ExitCodes.UsageOrConfiguration;
        }

        try
        {
            switch (command.Kind)
            {
                case CommandKind.Help:
                    Console.WriteLine(CommandLine.Usage);
                    return ExitCodes.Success;
                case CommandKind.Version:
                    Console.WriteLine($"{ToolInfo.Name} {ToolInfo.Version}");
                    return ExitCodes.Success;
                case CommandKind.Audit:
                    return await AuditCommand.RunAsync(command, error, cancellationToken);
                default:
                    return await WorkerHost.RunAsync(command, cancellationToken);
            }
        }
        catch (Exception exception) when (ConfigurationProblem(exception) is { } message)
        {
            foreach (var line in message.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
            {
                await error.WriteLineAsync("tokengov: configuration error: " + line);
            }

            return ExitCodes.UsageOrConfiguration;
        }
    }

    private static string? ConfigurationProblem(Exception exception) => exception switch
    {
        ConfigurationException configuration => configuration.Message,
        Microsoft.Extensions.Options.OptionsValidationException validation => string.Join(Environment.NewLine, validation.Failures),
        InvalidDataException data when data.InnerException is JsonException or FormatException =>
            "the configuration file is not valid JSON: " + (data.InnerException?.Message ?? data.Message).ReplaceLineEndings(" "),
        InvalidDataException data => data.Message.ReplaceLineEndings(" "),
        InvalidOperationException invalid when invalid.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase) =>
            invalid.Message.ReplaceLineEndings(" "),
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => ConfigurationProblem(inner) is not null) =>
            string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(inner => ConfigurationProblem(inner))),
        _ => null,
    };
}
