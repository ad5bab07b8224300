using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.AuditWorker.Cli;

public enum CommandKind
{
    Run,
    Audit,

    /// <summary><c>tokengov tokens</c>: the filtered token list.</summary>
    Tokens,

    /// <summary><c>tokengov tokens show ID</c>: one token whole.</summary>
    TokensShow,

    /// <summary><c>tokengov remediate plan</c>.</summary>
    RemediatePlan,

    /// <summary><c>tokengov remediate apply PLAN</c>.</summary>
    RemediateApply,

    /// <summary><c>tokengov remediate rollback JOURNAL</c>.</summary>
    RemediateRollback,
    Help,
    Version,

    /// <summary><c>--help</c> of a subcommand: System.CommandLine's help of that command (<see cref="CommandLine.WriteHelp"/>).</summary>
    CommandHelp,
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

    /// <summary><c>--kind</c>: the <c>--url</c> target's kind (<see cref="Audit.Configuration.TargetKinds"/>).</summary>
    public string? TargetKind { get; init; }

    public IReadOnlyList<string> Orgs { get; init; } = [];

    public string Format { get; init; } = "table";

    public string? Output { get; init; }

    /// <summary>Null for <c>--fail-on none</c>.</summary>
    public Severity? FailOn { get; init; } = Severity.High;

    public string? Error { get; init; }

    /// <summary>The filters and order of <c>tokens</c> (and <c>--target</c> of <c>tokens show</c>).</summary>
    public TokenQuery Query { get; init; } = new();

    /// <summary>The id of <c>tokens show ID</c>.</summary>
    public string? TokenId { get; init; }

    /// <summary>The plan of <c>remediate apply</c>, or the journal of <c>remediate rollback</c>.</summary>
    public string? InputFile { get; init; }

    /// <summary><c>--yes</c>: act; without it apply and rollback say what they would do.</summary>
    public bool Yes { get; init; }

    /// <summary><c>--journal FILE</c> of <c>remediate apply</c>.</summary>
    public string? Journal { get; init; }

    /// <summary><c>--rule</c> of <c>remediate plan</c>: only these rules' actions.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>For <see cref="CommandKind.CommandHelp"/>: writes the help of the command asked about.</summary>
    public Func<int>? WriteHelp { get; init; }

    public static readonly string Usage = $"""
        Usage:
          tokengov [run] [--config FILE] [--demo] [--urls URLS]
              Run the always-on audit worker (schedule, /metrics, /healthz, /readyz).
          tokengov audit [--config FILE] [--url URL] [--token-file FILE] [--kind KIND] [--org NAME]...
                         [--format {string.Join('|', ReportWriters.Formats)}] [--output FILE]
                         [--fail-on critical|high|medium|low|none] [--demo]
              Audit once and exit: 0 clean, 1 findings at or above --fail-on (default high),
              2 a target could not be audited, 64 usage or configuration error,
              70 internal error, 74 the report could not be written.
          tokengov tokens [--config FILE] [--url URL] [--token-file FILE] [--kind KIND] [--demo]
                          [--target NAME] [--user NAME|ID] [--org NAME|ID] [--database NAME]
                          [--status active|inactive|expired|revoked] [--can read|write]
                          [--on TYPE[:NAME]] [--owner generic|personal|admin|deleted|none]
                          [--finding TGxxxx] [--older-than DAYS] [--expires-within DAYS]
                          [--sort target|created|age|owner] [--format {string.Join('|', TokenListWriters.Formats)}] [--output FILE]
              List every token of every target that matches: filters combine with AND,
              repeated values of one filter with OR. 0 listed (also none), 2 a target
              could not be read (what was read is still listed, marked incomplete), 64 usage.
          tokengov tokens show ID [--target NAME] [--format table|json|csv] [--output FILE]
              One token whole: permissions, owner, dates, findings, references (1: no such token).
          tokengov remediate plan [--config FILE] [--target NAME]... [--rule TGxxxx]... [--output plan.json]
              The actions Remediation:Rules calls for, due or pending, capped; never a token value.
          tokengov remediate apply plan.json [--config FILE] [--yes] [--journal FILE]
              Without --yes: what it would do. With it: re-reads each token, refuses drift, deactivates,
              reads back, journals. 0 applied, 1 some refused, 2 a target failed, 64 usage.
          tokengov remediate rollback JOURNAL [--config FILE] [--yes]
              Re-activates what the journal deactivated, refusing tokens changed since.

        The token is read from --token-file or the INFLUX_TOKEN environment variable; there is
        deliberately no --token option (command lines leak through process lists). --kind says what
        the --url target is: influxdb2 (default), influxdb3, cloud-dedicated or clustered.
        """;

    /// <summary>Parses with <see cref="CommandLineSyntax"/> (System.CommandLine): response files (<c>@file</c>) included.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args) => CommandLineSyntax.Parse(args);

    internal static CommandLine Fail(string message) => new() { Error = message };
}
