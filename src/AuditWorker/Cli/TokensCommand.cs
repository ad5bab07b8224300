using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.Audit.Safety;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// <c>tokengov tokens</c>: every token of every target, filtered and sorted, as a table, JSON or CSV; and
/// <c>tokengov tokens show ID</c>: one token whole. Reads exactly what <c>audit</c> reads (findings included), once.
/// </summary>
public static class TokensCommand
{
    public static async Task<int> RunAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var (listing, report, _) = await ReadAsync(command, command.Query, cancellationToken);
        var writer = TokenListWriters.Find(command.Format)!;
        await CliHost.WriteOutputAsync(command.Output, "token list", output => writer.WriteAsync(listing, output, cancellationToken), cancellationToken);
        await AuditCommand.WriteFailuresAsync(report, standardError);
        return ExitCodes.ForListing(report);
    }

    public static async Task<int> ShowAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var id = command.TokenId!;
        var (listing, report, scheduler) = await ReadAsync(command, command.Query, cancellationToken);
        var matches = listing.Tokens.Where(token => token.Id == id).ToList();
        await AuditCommand.WriteFailuresAsync(report, standardError);
        if (matches.Count > 1)
        {
            throw new ConfigurationException(
                $"token id '{id}' is on {matches.Count} targets ({string.Join(", ", matches.Select(token => token.Target))}): name one with --target");
        }

        if (matches.Count == 0)
        {
            var where = listing.Complete ? "on any target read" : "on the targets that could be read";
            await standardError.WriteLineAsync($"tokengov: no token '{TerminalText.Escape(ServerText.OneLine(id))}' {where}");
            return report.AnyTargetFailed ? ExitCodes.ForListing(report) : ExitCodes.NotFound;
        }

        var token = await WithHistoryAsync(matches[0], scheduler, standardError, cancellationToken);
        matches[0] = token;
        await CliHost.WriteOutputAsync(command.Output, "token", output => command.Format == "table"
            ? TokenDetailWriter.WriteAsync(token, listing.GeneratedAt, output, cancellationToken)
            : TokenListWriters.Find(command.Format)!.WriteAsync(listing with { Tokens = matches }, output, cancellationToken), cancellationToken);
        return ExitCodes.ForListing(report);
    }

    /// <summary>
    /// With the worker's PostgreSQL store configured, each finding gets the time the worker first saw it open. The
    /// history is a bonus: when it cannot be read, one line says so and the token is shown without it.
    /// </summary>
    private static async Task<TokenRecord> WithHistoryAsync(TokenRecord token, SchedulerOptions? scheduler, TextWriter standardError, CancellationToken cancellationToken)
    {
        if (scheduler is not { UsesPostgres: true } || token.Findings is not { Count: > 0 } findings)
        {
            return token;
        }

        try
        {
            var firstSeen = await OpenFindingsReader.FirstSeenByRuleAsync(scheduler, token.Target, token.Id, cancellationToken);
            return token with { Findings = findings.Select(finding => firstSeen.TryGetValue(finding.RuleId, out var since) ? finding with { FirstSeen = since } : finding).ToList() };
        }
        catch (Exception exception) when (OpenFindingsReader.IsUnavailable(exception))
        {
            await standardError.WriteLineAsync("tokengov: the findings history could not be read, so findings are shown without 'open since': " + TerminalText.Escape(DatabaseErrors.OneLine(exception)));
            return token;
        }
    }

    private static async Task<(TokenListing Listing, AuditReport Report, SchedulerOptions? Scheduler)> ReadAsync(CommandLine command, TokenQuery query, CancellationToken cancellationToken)
    {
        await using var cli = await CliHost.StartAsync(command);
        var targets = cli.SelectTargets(query.Targets);
        // --user lets a v2 reader fetch only those users' tokens (one call each) instead of every token of the target.
        var scope = query.Users.Count > 0 ? new ReadScope(query.Users) : ReadScope.All;
        AuditReport report;
        await using (var progress = TerminalProgress.ForStandardError(targets.Count))
        {
            var request = new AuditRequest { Detail = AuditDetail.Tokens, Scope = scope, Keep = query, Progress = progress };
            report = await cli.Services.GetRequiredService<AuditRunner>().RunAsync(targets, cancellationToken, request);
        }

        return (TokenListing.From(report, query, cli.Services.GetRequiredService<TimeProvider>().GetUtcNow()), report, cli.ConfiguredScheduler);
    }
}
