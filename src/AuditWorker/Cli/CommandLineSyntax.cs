using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.AuditWorker.Hosting;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// The commands and options of <c>tokengov</c> on System.CommandLine: <c>run</c> (also the root), <c>audit</c>,
/// <c>tokens</c> (with <c>tokens show ID</c>), <c>help</c>. Its parse errors become the tool's own one-line messages (exit 64), with a suggestion for a mistyped
/// option; <c>tokengov --help</c> prints <see cref="CommandLine.Usage"/>, <c>tokengov audit --help</c> (and
/// <c>run --help</c>) that command's own help; <c>@file</c> reads arguments from a response file.
/// </summary>
internal static class CommandLineSyntax
{
    private const string TokenRefused =
        "--token is not supported: a token on the command line leaks through process lists and shell history; use --token-file FILE or the INFLUX_TOKEN environment variable";

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var syntax = new Syntax();
        if (args.Contains("--version"))
        {
            return new CommandLine { Kind = CommandKind.Version };
        }

        var result = syntax.Root.Parse(args.ToArray());
        var command = result.CommandResult.Command;
        var kind = command == syntax.Audit ? CommandKind.Audit
            : command == syntax.Tokens ? CommandKind.Tokens
            : command == syntax.Show ? CommandKind.TokensShow
            : command == syntax.Plan ? CommandKind.RemediatePlan
            : command == syntax.Apply ? CommandKind.RemediateApply
            : command == syntax.Rollback ? CommandKind.RemediateRollback
            : command == syntax.HelpCommand ? CommandKind.Help
            : CommandKind.Run;
        if (result.GetResult(syntax.Token) is not null)
        {
            return CommandLine.Fail(TokenRefused);
        }

        if (result.Action is HelpAction)
        {
            return command == syntax.Root
                ? new CommandLine { Kind = CommandKind.Help }
                : new CommandLine { Kind = CommandKind.CommandHelp, WriteHelp = () => result.Invoke() };
        }

        if (kind == CommandKind.Help)
        {
            return new CommandLine { Kind = CommandKind.Help };
        }

        if (FirstError(syntax, result, args, command) is { } error)
        {
            return CommandLine.Fail(error);
        }

        var audit = kind == CommandKind.Audit;
        var remediate = kind is CommandKind.RemediatePlan or CommandKind.RemediateApply or CommandKind.RemediateRollback;
        var oneShot = kind is CommandKind.Audit or CommandKind.Tokens or CommandKind.TokensShow || remediate;
        TokenQuery query;
        try
        {
            query = TokenQueryParser.Parse(
                syntax.Filters.SelectMany(pair => (result.GetValue(pair.Option) ?? []).Select(value => KeyValuePair.Create(pair.Name, value))), "--");
        }
        catch (TokenQueryException exception)
        {
            return CommandLine.Fail(exception.Message);
        }

        var parsed = new CommandLine
        {
            Kind = kind,
            ConfigFile = Last(result, syntax.Config),
            Demo = result.GetValue(syntax.Demo),
            Urls = oneShot ? null : Last(result, syntax.Urls),
            Url = oneShot ? Last(result, syntax.Url) : null,
            TokenFile = oneShot ? Last(result, syntax.TokenFile) : null,
            TargetKind = oneShot ? Last(result, syntax.TargetKind) : null,
            Orgs = audit ? result.GetValue(syntax.Orgs) ?? [] : [],
            Format = audit ? Last(result, syntax.Format) ?? "table" : oneShot && !remediate ? Last(result, syntax.TokenFormat) ?? "table" : "table",
            Output = oneShot ? Last(result, syntax.Output) : null,
            FailOn = audit ? FailOnLevel(Last(result, syntax.FailOn)) : Severity.High,
            Query = query,
            TokenId = kind == CommandKind.TokensShow ? result.GetValue(syntax.TokenId) : null,
            InputFile = kind == CommandKind.RemediateApply ? result.GetValue(syntax.PlanFile) : kind == CommandKind.RemediateRollback ? result.GetValue(syntax.JournalFile) : null,
            Yes = result.GetValue(syntax.Yes),
            Journal = Last(result, syntax.JournalOption),
            Rules = (result.GetValue(syntax.Rules) ?? []).Select(rule => rule.Trim().ToUpperInvariant()).ToList(),
        };
        if (parsed.TargetKind is not null && ProductPlugins.Catalog.Find(parsed.TargetKind) is null)
        {
            return CommandLine.Fail($"--kind '{parsed.TargetKind}' is not {Choices.Described(ProductPlugins.Catalog.Kinds)}");
        }

        return parsed.TokenFile is not null && parsed.Url is null ? CommandLine.Fail("--token-file needs --url")
            : parsed.TargetKind is not null && parsed.Url is null ? CommandLine.Fail("--kind needs --url")
            : parsed;
    }

    /// <summary>The first problem, worded as the tool words it: unknown commands and options, missing values, bad choices.</summary>
    private static string? FirstError(Syntax syntax, ParseResult result, IReadOnlyList<string> args, Command command)
    {
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            if (args.Count > 0 && args[0] == token && !token.StartsWith('-'))
            {
                return $"unknown command '{token}'{Suggest(token, syntax.Root.Subcommands.Where(candidate => !candidate.Hidden).Select(candidate => candidate.Name))}";
            }

            var name = token.Split('=', 2)[0];
            var known = command.Options.Concat(syntax.Root.Options.Where(option => option.Recursive)).Where(option => !option.Hidden).Select(option => option.Name);
            var commandName = command == syntax.Show ? "tokens show" : command == syntax.Root ? "run"
                : command == syntax.Plan || command == syntax.Apply || command == syntax.Rollback ? "remediate " + command.Name : command.Name;
            if (command == syntax.Tokens && !token.StartsWith('-'))
            {
                return $"unknown command 'tokens {token}' (did you mean 'tokens show {token}'?)";
            }

            return $"unknown option '{name}' for '{commandName}'{Suggest(name, known)}";
        }

        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult { Option: var option } when option == syntax.Format || option == syntax.FailOn || option == syntax.TokenFormat:
                    return error.Message;
                case OptionResult { Option: var option }:
                    return $"{option.Name} needs a value";
                case ArgumentResult { Argument: var argument } when argument == syntax.TokenId:
                    return "tokens show needs a token id: tokengov tokens show ID";
                case ArgumentResult { Argument: var argument } when argument == syntax.PlanFile:
                    return "remediate apply needs the plan: tokengov remediate apply plan.json";
                case ArgumentResult { Argument: var argument } when argument == syntax.JournalFile:
                    return "remediate rollback needs the journal: tokengov remediate rollback JOURNAL";
            }
        }

        if (result.Errors.Count > 0 && command == syntax.Remediate)
        {
            return "remediate needs a command: plan, apply PLAN or rollback JOURNAL";
        }

        return result.Errors.Count > 0 ? result.Errors[0].Message : null;
    }

    /// <summary>A value option given more than once keeps its last value, as shells and most tools do.</summary>
    private static string? Last(ParseResult result, Option<string[]> option) => result.GetValue(option) is { Length: > 0 } values ? values[^1] : null;

    private static Severity? FailOnLevel(string? level) =>
        level is null ? Severity.High : level == "none" ? null : SeverityNames.TryParse(level, out var severity) ? severity : Severity.High;

    /// <summary><c> (did you mean '--format'?)</c> for a name one or two edits away from a known one.</summary>
    private static string Suggest(string typed, IEnumerable<string> known)
    {
        var best = known.Select(name => (Name: name, Distance: Distance(typed, name))).Where(pair => pair.Distance <= 2).OrderBy(pair => pair.Distance).FirstOrDefault();
        return best.Name is null ? string.Empty : $" (did you mean '{best.Name}'?)";
    }

    private static int Distance(string first, string second)
    {
        var previous = Enumerable.Range(0, second.Length + 1).ToArray();
        for (var i = 1; i <= first.Length; i++)
        {
            var current = new int[second.Length + 1];
            current[0] = i;
            for (var j = 1; j <= second.Length; j++)
            {
                var cost = first[i - 1] == second[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[second.Length];
    }

    /// <summary>One instance per parse: System.CommandLine symbols belong to one command tree.</summary>
    private sealed class Syntax
    {
        public Syntax()
        {
            Format.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(token => !ReportWriters.Formats.Contains(token.Value)) is { } bad)
                {
                    result.AddError($"--format '{bad.Value}' is not {ReportWriters.Described}");
                }
            });
            FailOn.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(token => token.Value != "none" && !SeverityNames.TryParse(token.Value, out _)) is { } bad)
                {
                    result.AddError($"--fail-on '{bad.Value}' is not critical, high, medium, low or none");
                }
            });

            TokenFormat.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(token => !TokenListWriters.Formats.Contains(token.Value)) is { } bad)
                {
                    result.AddError($"--format '{bad.Value}' is not {TokenListWriters.Described}");
                }
            });

            Filters = TokenQueryParser.Names.Select(name => (name, Value("--" + name, FilterDescriptions[name], FilterHelpNames[name]))).ToList();
            Target = Filters.First(pair => pair.Name == "target").Option;

            Run = new Command("run", "Run the always-on audit worker (schedule, /metrics, /healthz, /readyz).") { Urls };
            Audit = new Command("audit", "Audit once and exit: 0 clean, 1 findings at or above --fail-on, 2 a target could not be audited, 64 usage or configuration error, 70 internal error, 74 the report could not be written.")
            {
                Url, TokenFile, TargetKind, Orgs, Format, Output, FailOn, Token,
            };
            Show = new Command("show", "Show one token whole: permissions, owner and its state, dates, findings, references. 1: no token has that id.")
            {
                TokenId, Url, TokenFile, TargetKind, Target, TokenFormat, Output, Token,
            };
            Tokens = new Command("tokens", "List every token that matches the filters (AND across filters, OR across repeats): 0 listed, 2 a target could not be read, 64 usage.")
            {
                Url, TokenFile, TargetKind, TokenFormat, Output, Token, Show,
            };
            foreach (var (_, option) in Filters)
            {
                Tokens.Options.Add(option);
            }

            Plan = new Command("plan", "Write the actions Remediation:Rules calls for (due, pending, refused by caps), never a token value.")
            {
                Url, TokenFile, TargetKind, Target, Rules, Output, Token,
            };
            Apply = new Command("apply", "Apply a reviewed plan: without --yes say what would be done; with it re-read, refuse drift, deactivate, read back, journal.")
            {
                PlanFile, Yes, JournalOption,
            };
            Rollback = new Command("rollback", "Re-activate what a journal deactivated, refusing tokens changed since; journals its own actions.")
            {
                JournalFile, Yes,
            };
            Remediate = new Command("remediate", "Plan, apply and roll back token deactivation (docs/remediation.md).") { Plan, Apply, Rollback };
            HelpCommand = new Command("help", "Show the usage.") { Hidden = true };
            Root = new RootCommand("TokenGovernance: audits InfluxDB API tokens.") { Config, Demo, Urls, Run, Audit, Tokens, Remediate, HelpCommand };

            // The commands run from TokenGovernanceCli, not from System.CommandLine; an action marks each as complete
            // (the root alone is `run`: without one, System.CommandLine would ask for a subcommand).
            foreach (var command in (Command[])[Root, Run, Audit, Tokens, Show, Plan, Apply, Rollback, HelpCommand])
            {
                command.SetAction(_ => 0);
            }
        }

        public RootCommand Root { get; }

        public Command Run { get; }

        public Command Audit { get; }

        public Command HelpCommand { get; }

        public Command Tokens { get; }

        public Command Remediate { get; }

        public Command Plan { get; }

        public Command Apply { get; }

        public Command Rollback { get; }

        public Argument<string> PlanFile { get; } = new("PLAN") { Description = "The plan file of tokengov remediate plan." };

        public Argument<string> JournalFile { get; } = new("JOURNAL") { Description = "A journal written by tokengov remediate apply." };

        public Option<bool> Yes { get; } = new("--yes") { Description = "Act. Without it, only say what would be done." };

        public Option<string[]> JournalOption { get; } = Value("--journal", "Append the journal to FILE (default: the plan's name with .journal.jsonl).", "FILE");

        public Option<string[]> Rules { get; } = new("--rule") { Description = "Only the actions of this rule (repeatable).", HelpName = "TGxxxx" };

        public Command Show { get; }

        /// <summary>One option per <see cref="TokenQueryParser.Names"/>, all on <c>tokens</c>; <c>--target</c> on <c>show</c> too.</summary>
        public IReadOnlyList<(string Name, Option<string[]> Option)> Filters { get; }

        public Option<string[]> Target { get; }

        public Argument<string> TokenId { get; } = new("ID") { Description = "The token's id (v2: the authorization id)." };

        public Option<string[]> TokenFormat { get; } = Value("--format", $"Format: {string.Join(", ", TokenListWriters.Formats)} (default table).", string.Join('|', TokenListWriters.Formats));

        /// <summary>On the root and, recursively, every command: <c>tokengov --config x audit</c> means what it says.</summary>
        public Option<string[]> Config { get; } = Recursive(Value("--config", "A JSON configuration file (targets, policy, references, schedule).", "FILE"));

        public Option<bool> Demo { get; } = new("--demo") { Description = "Use the built-in InfluxDB demo target.", Recursive = true };

        /// <summary>The root alone is <c>run</c>: both take <c>--urls</c>, <c>audit</c> does not.</summary>
        public Option<string[]> Urls { get; } = Value("--urls", "Where the worker listens (default http://0.0.0.0:8080).", "URLS");

        public Option<string[]> Url { get; } = Value("--url", "The InfluxDB base URL of a single target (instead of --config targets).", "URL");

        public Option<string[]> TokenFile { get; } = Value("--token-file", "A file holding the audit token (else INFLUX_TOKEN); needs --url.", "FILE");

        public Option<string[]> TargetKind { get; } = Value("--kind", $"The --url target's product: {Choices.Described(ProductPlugins.Catalog.Kinds)} (default {ProductPlugins.Catalog.Default?.Kind}); needs --url.", string.Join('|', ProductPlugins.Catalog.Kinds));

        public Option<string[]> Orgs { get; } = new("--org") { Description = "An organization to audit (repeatable); default: all the token sees.", HelpName = "NAME" };

        public Option<string[]> Format { get; } = Value("--format", $"Report format: {string.Join(", ", ReportWriters.Formats)} (default table).", string.Join('|', ReportWriters.Formats));

        public Option<string[]> Output { get; } = Value("--output", "Write the report to FILE instead of standard output.", "FILE");

        public Option<string[]> FailOn { get; } = Value("--fail-on", "Exit 1 for unsuppressed findings at or above: critical, high (default), medium, low or none.", "LEVEL");

        /// <summary>Refused with the reason, never read: a token on the command line leaks.</summary>
        public Option<string> Token { get; } = new("--token") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };

        private static readonly Dictionary<string, string> FilterDescriptions = new()
        {
            ["target"] = "Only this target (repeatable); only these are read.",
            ["user"] = "Tokens owned by this user, by name or id (repeatable).",
            ["org"] = "Tokens of this org, by name or id, or with a permission in it (repeatable).",
            ["database"] = "InfluxDB 3: tokens with a permission on this database (repeatable); the same filter as --org.",
            ["status"] = "active, inactive, expired or revoked (repeatable).",
            ["can"] = "read or write: tokens with a permission to do it (on --on, when given).",
            ["on"] = "TYPE or TYPE:NAME (buckets:telemetry, db:sensors): a permission that reaches it, org-wide ones included.",
            ["owner"] = "generic, personal, admin, deleted or none: what the policy's GenericUsers and AdminUsers say of the owner.",
            ["finding"] = "Tokens with a finding of this rule (TG2001; repeatable).",
            ["older-than"] = "Tokens created more than DAYS days ago.",
            ["expires-within"] = "Tokens that expire within DAYS days (not those already expired).",
            ["sort"] = "target (default), created (newest first), age (oldest first) or owner.",
        };

        private static readonly Dictionary<string, string> FilterHelpNames = new()
        {
            ["target"] = "NAME", ["user"] = "NAME|ID", ["org"] = "NAME|ID", ["database"] = "NAME", ["status"] = "STATUS", ["can"] = "read|write",
            ["on"] = "TYPE[:NAME]", ["owner"] = "KIND", ["finding"] = "TGxxxx", ["older-than"] = "DAYS", ["expires-within"] = "DAYS",
            ["sort"] = "target|created|age|owner",
        };

        private static Option<string[]> Recursive(Option<string[]> option)
        {
            option.Recursive = true;
            return option;
        }

        /// <summary>An option with one value per occurrence; given again, the last one counts.</summary>
        private static Option<string[]> Value(string name, string description, string helpName) =>
            new(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
    }
}
