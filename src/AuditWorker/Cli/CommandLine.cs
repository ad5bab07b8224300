using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.AuditWorker.Cli;

public enum CommandKind
{
    Run,
    Audit,
    Help,
    Version,
}

/// <summary>A parsed command line. <see cref="Error"/> is set for a usage error (exit 64).</summary>
public sealed record CommandLine
{
    public CommandKind Kind { get; init; } = CommandKind.Run;

    public string? ConfigFile { get; init; }

    public bool Demo { get; init; }

    public string? Urls { get; init; }

    public string? Url { get; init; }

    public string? TokenFile { get; init; }

    public IReadOnlyList<string> Orgs { get; init; } = [];

    public string Format { get; init; } = "table";

    public string? Output { get; init; }

    /// <summary>Null for <c>--fail-on none</c>.</summary>
    public Severity? FailOn { get; init; } = Severity.High;

    public string? Error { get; init; }

    public static readonly string Usage = $"""
        Usage:
          tokengov [run] [--config FILE] [--demo] [--urls URLS]
              Run the always-on audit worker (schedule, /metrics, /healthz, /readyz).
          tokengov audit [--config FILE] [--url URL] [--token-file FILE] [--org NAME]...
                         [--format {string.Join('|', ReportWriters.Formats)}] [--output FILE]
                         [--fail-on critical|high|medium|low|none] [--demo]
              Audit once and exit: 0 clean, 1 findings at or above --fail-on (default high),
              2 a target could not be audited, 64 usage or configuration error,
              70 internal error, 74 the report could not be written.

        The token is read from --token-file or the INFLUX_TOKEN environment variable; there is
        deliberately no --token option (command lines leak through process lists).
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        var orgs = new List<string>();
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            switch (args[0])
            {
                case "run": result = result with { Kind = CommandKind.Run }; break;
                case "audit": result = result with { Kind = CommandKind.Audit }; break;
                case "help": return result with { Kind = CommandKind.Help };
                default: return Fail($"unknown command '{args[0]}'");
            }

            index = 1;
        }

        for (; index < args.Count; index++)
        {
            var argument = args[index];
            string? inlineValue = null;
            var equals = argument.IndexOf('=');
            if (argument.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = argument[(equals + 1)..];
                argument = argument[..equals];
            }

            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue.Length > 0 ? inlineValue : throw new UsageException($"{argument} needs a value");
                }

                if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{argument} needs a value");
                }

                return args[++index];
            }

            try
            {
                switch (argument)
                {
                    case "-h" or "--help": return result with { Kind = CommandKind.Help };
                    case "--version": return result with { Kind = CommandKind.Version };
                    case "--config": result = result with { ConfigFile = Value() }; break;
                    case "--demo": result = result with { Demo = true }; break;
                    case "--urls" when result.Kind == CommandKind.Run: result = result with { Urls = Value() }; break;
                    case "--url" when result.Kind == CommandKind.Audit: result = result with { Url = Value() }; break;
                    case "--token-file" when result.Kind == CommandKind.Audit: result = result with { TokenFile = Value() }; break;
                    case "--org" when result.Kind == CommandKind.Audit: orgs.Add(Value()); break;
                    case "--output" when result.Kind == CommandKind.Audit: result = result with { Output = Value() }; break;
                    case "--format" when result.Kind == CommandKind.Audit:
                        var format = Value();
                        if (!ReportWriters.Formats.Contains(format))
                        {
                            return Fail($"--format '{format}' is not {ReportWriters.Described}");
                        }

                        result = result with { Format = format };
                        break;
                    case "--fail-on" when result.Kind == CommandKind.Audit:
                        var level = Value();
                        if (level == "none")
                        {
                            result = result with { FailOn = null };
                        }
                        else if (SeverityNames.TryParse(level, out var severity))
                        {
                            result = result with { FailOn = severity };
                        }
                        else
                        {
                            return Fail($"--fail-on '{level}' is not critical, high, medium, low or none");
                        }

                        break;
                    case "--token":
                        return Fail("--token is not supported: a token on the command line leaks through process lists and shell history; use --token-file FILE or the INFLUX_TOKEN environment variable");
                    default:
                        return Fail($"unknown option '{argument}' for '{(result.Kind == CommandKind.Audit ? "audit" : "run")}'");
                }
            }
            catch (UsageException exception)
            {
                return Fail(exception.Message);
            }
        }

        if (result.TokenFile is not null && result.Url is null)
        {
            return Fail("--token-file needs --url");
        }

        return result with { Orgs = orgs };
    }

    private static CommandLine Fail(string message) => new() { Error = message };

    private sealed class UsageException(string message) : Exception(message);
}
