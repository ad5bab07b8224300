using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// <c>tokengov tokens</c>: every token of every target, filtered and sorted, as a table, JSON or CSV; and
/// <c>tokengov tokens show ID</c>: one token whole. Reads exactly what <c>audit</c> reads (findings included), once.
/// </summary>
public static class TokensCommand
{
    public static async Task<int> RunAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var (listing, report) = await ReadAsync(command, command.Query, cancellationToken);
        var writer = TokenListWriters.Find(command.Format)!;
        await CliHost.WriteOutputAsync(command.Output, "token list", output => writer.WriteAsync(listing, output, cancellationToken), cancellationToken);
        await AuditCommand.WriteFailuresAsync(report, standardError);
        return ExitCodes.ForListing(report);
    }

    public static async Task<int> ShowAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var id = command.TokenId!;
        var (listing, report) = await ReadAsync(command, command.Query, cancellationToken);
        var matches = listing.Tokens.Where(token => token.Id == id).ToList();
        await AuditCommand.WriteFailuresAsync(report, standardError);
        if (matches.Count > 1)
        {
            throw new Audit.Configuration.ConfigurationException(
                $"token id '{id}' is on {matches.Count} targets ({string.Join(", ", matches.Select(token => token.Target))}): name one with --target");
        }

        if (matches.Count == 0)
        {
            var where = listing.Complete ? "on any target read" : "on the targets that could be read";
            await standardError.WriteLineAsync($"tokengov: no token '{TerminalText.Escape(ServerText.OneLine(id))}' {where}");
            return report.AnyTargetFailed ? ExitCodes.ForListing(report) : ExitCodes.NotFound;
        }

        var token = matches[0];
        await CliHost.WriteOutputAsync(command.Output, "token", output => command.Format == "table"
            ? TokenDetailWriter.WriteAsync(token, listing.GeneratedAt, output, cancellationToken)
            : TokenListWriters.Find(command.Format)!.WriteAsync(listing with { Tokens = matches }, output, cancellationToken), cancellationToken);
        return ExitCodes.ForListing(report);
    }

    private static async Task<(TokenListing Listing, AuditReport Report)> ReadAsync(CommandLine command, TokenQuery query, CancellationToken cancellationToken)
    {
        await using var cli = await CliHost.StartAsync(command);
        var unknown = query.Targets.Where(name => cli.Options.Targets.All(target => target.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            throw new Audit.Configuration.ConfigurationException(
                $"--target '{unknown[0]}' is not a configured target; the targets are {string.Join(", ", cli.Options.Targets.Select(target => target.Name))}");
        }

        // Only the targets asked for are read: --target prod does not wait for (or fail on) staging.
        var targets = query.Targets.Count == 0 ? cli.Options.Targets : cli.Options.Targets.Where(target => query.Targets.Contains(target.Name)).ToList();
        var report = await cli.Services.GetRequiredService<AuditRunner>().RunAsync(targets, cancellationToken, AuditDetail.Tokens);
        return (TokenListing.From(report, query, cli.Services.GetRequiredService<TimeProvider>().GetUtcNow()), report);
    }
}
