using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Safety;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// <c>tokengov remediate plan|apply|rollback</c>: a reviewed plan, a capped apply that re-reads before it acts, a
/// journal line per action, and a rollback from that journal (docs/remediation.md). Nothing changes without --yes.
/// </summary>
public static class RemediateCommand
{
    public static async Task<int> PlanAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        await using var cli = await CliHost.StartAsync(command);
        var catalog = cli.Services.GetRequiredService<Audit.Policy.PolicyRuleCatalog>();
        if (command.Rules.FirstOrDefault(rule => !catalog.TryGet(rule, out _)) is { } unknown)
        {
            throw new ConfigurationException($"--rule '{unknown}' is not a known rule id (known: {string.Join(", ", catalog.All.Select(known => known.Id).Order())})");
        }

        var targets = cli.SelectTargets(command.Query.Targets);
        var report = await cli.Services.GetRequiredService<AuditRunner>().RunAsync(targets, cancellationToken, new AuditRequest { Detail = AuditDetail.Tokens });
        var history = await FirstSeenAsync(cli.ConfiguredScheduler, report, standardError, cancellationToken);
        var serviceUsers = await cli.Services.GetRequiredService<ServiceUserLookup>().LookUpAsync(targets, cancellationToken);
        var now = cli.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var plan = new RemediationPlanner(cli.Options, cli.Services.GetRequiredService<Audit.Products.ProductCatalog>()).Plan(report, command.Rules.ToHashSet(StringComparer.Ordinal), now,
            history is null ? null : (target, rule, tokenId) => history.TryGetValue((target, rule, tokenId), out var seen) ? seen : null,
            serviceUsers);

        await CliHost.WriteOutputAsync(command.Output, "plan", output => PlanFile.WriteAsync(plan, output, cancellationToken), cancellationToken);
        await AuditCommand.WriteFailuresAsync(report, standardError);
        await WritePlanSummaryAsync(plan, standardError);
        return report.Targets.Any(target => target.InternalError) ? ExitCodes.InternalError : report.Targets.Any(target => target.Outcome == AuditOutcome.Failure) ? ExitCodes.TargetFailed : ExitCodes.Success;
    }

    public static async Task<int> ApplyAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var plan = PlanFile.Read(command.InputFile!);
        await using var cli = await CliHost.StartAsync(command);
        if (plan.ConfigDigest != RemediationPlanner.ConfigDigest(cli.Options))
        {
            throw new ConfigurationException(
                $"plan '{command.InputFile}' was made with another configuration (its targets or Remediation settings differ): make a new plan with this one");
        }

        var due = plan.Actions.Where(action => action.State == ActionStates.Due).ToList();
        if (!command.Yes)
        {
            foreach (var action in due)
            {
                await Console.Out.WriteLineAsync(TerminalText.Escape($"would {action.Action} token {action.TokenId} on {action.Target} ({action.Rule}: {action.Message})"));
                if (action.NewToken is { } created)
                {
                    await Console.Out.WriteLineAsync(TerminalText.Escape($"  as a new token for '{created.ServiceUserName}' described \"{created.Description}\", rewriting {RewriteList(action)}"));
                }
            }

            await standardError.WriteLineAsync($"tokengov: nothing was changed: {due.Count} due action(s); run again with --yes to apply them");
            return ExitCodes.Success;
        }

        var journalPath = command.Journal ?? Path.ChangeExtension(command.InputFile!, ".journal.jsonl");
        using var journal = await OpenJournalAsync(journalPath, cancellationToken);
        var summary = await cli.Services.GetRequiredService<RemediationApplier>().ApplyAsync(plan, journal, cancellationToken, countPlanRefusals: true);
        foreach (var refused in plan.Actions.Where(action => action.State == ActionStates.Refused))
        {
            await standardError.WriteLineAsync("tokengov: " + TerminalText.Escape(
                $"not applied: {refused.Action} of token {refused.TokenId} on {refused.Target} ({refused.Rule}): {RemediationApplier.PlanRefusal(plan, refused)}"));
        }

        return await ReportAsync("apply", summary, journalPath, standardError);
    }

    public static async Task<int> RollbackAsync(CommandLine command, TextWriter standardError, CancellationToken cancellationToken)
    {
        var entries = Journal.Read(command.InputFile!);
        await using var cli = await CliHost.StartAsync(command);
        var undo = RemediationApplier.ToUndo(entries);
        if (!command.Yes)
        {
            foreach (var entry in undo)
            {
                await Console.Out.WriteLineAsync(TerminalText.Escape(entry.Action != ReissueFlow.Action
                    ? $"would reactivate token {entry.TokenId} on {entry.Target} (deactivated {entry.Time:yyyy-MM-dd HH:mm} UTC by {entry.Actor})"
                    : entry.Outcome == JournalOutcomes.Started
                    ? $"would undo the interrupted re-issue of token {entry.TokenId} on {entry.Target}: put back each of its {entry.References?.Count ?? 0} reference(s) that no longer holds the old value, delete {(entry.NewTokenId is { } made ? "token " + made : "the token the run made, if the server has it")} (started {entry.Time:yyyy-MM-dd HH:mm} UTC by {entry.Actor})"
                    : $"would undo the re-issue of token {entry.TokenId} on {entry.Target}: restore {entry.References?.Count(reference => reference.Outcome == "rewritten") ?? 0} reference(s) from their previous copies, delete token {entry.NewTokenId} (re-issued {entry.Time:yyyy-MM-dd HH:mm} UTC by {entry.Actor})"));
            }

            await standardError.WriteLineAsync($"tokengov: nothing was changed: {undo.Count} change(s) to undo; run again with --yes to roll back");
            return ExitCodes.Success;
        }

        using var journal = await OpenJournalAsync(command.InputFile!, cancellationToken);
        var summary = await cli.Services.GetRequiredService<RemediationApplier>().RollbackAsync(entries, journal, cancellationToken);
        return await ReportAsync("rollback", summary, command.InputFile!, standardError);
    }

    /// <summary>Opens the journal and proves it takes writes, before anything is changed.</summary>
    private static async Task<Journal> OpenJournalAsync(string path, CancellationToken cancellationToken)
    {
        Journal? journal = null;
        try
        {
            journal = Journal.Append(path);
            await journal.ProveWritableAsync(cancellationToken);
            return journal;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            journal?.Dispose();
            throw new ConfigurationException($"--journal '{path}' cannot be written: {ServerText.OneLine(exception.Message)}", exception);
        }
    }

    private static async Task<int> ReportAsync(string what, RemediationSummary summary, string journalPath, TextWriter standardError)
    {
        var counts = string.Join(", ", new[] { JournalOutcomes.Applied, JournalOutcomes.AlreadyDone, JournalOutcomes.Refused, JournalOutcomes.Failed, JournalOutcomes.NotAttempted }
            .Where(outcome => summary.Of(outcome) > 0).Select(outcome => $"{summary.Of(outcome)} {outcome}"));
        await standardError.WriteLineAsync($"tokengov: {what}: {(counts.Length == 0 ? "nothing to do" : counts)}; journal: {journalPath}");
        return summary.Of(JournalOutcomes.Failed) + summary.Of(JournalOutcomes.NotAttempted) > 0 ? ExitCodes.TargetFailed
            : summary.Of(JournalOutcomes.Refused) > 0 ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private static async Task WritePlanSummaryAsync(RemediationPlan plan, TextWriter standardError)
    {
        foreach (var target in plan.Targets)
        {
            var line = target.Error is not null ? $"{target.Name}: not planned: {target.Error}"
                : target.Refused is not null ? $"{target.Name}: REFUSED: {target.Refused}"
                : $"{target.Name}: {target.Due} due, {target.Pending} pending, of {target.Tokens} tokens";
            await standardError.WriteLineAsync("tokengov: plan: " + TerminalText.Escape(line));
        }

        foreach (var action in plan.Actions)
        {
            var when = action.State == ActionStates.Pending ? $"due {action.DueAt:yyyy-MM-dd}" : action.State;
            await standardError.WriteLineAsync(TerminalText.Escape($"  {when,-16} {action.Action} {action.Target}/{action.TokenId} {action.Rule} {action.Owner} {action.Description}"));
            if (action.State == ActionStates.Refused && action.Reason is not null && action.Action == ReissueFlow.Action)
            {
                await standardError.WriteLineAsync(TerminalText.Escape($"  {string.Empty,-16}   refused: {action.Reason}"));
            }

            if (action.NewToken is { } created)
            {
                await standardError.WriteLineAsync(TerminalText.Escape(
                    $"  {string.Empty,-16}   new token for '{created.ServiceUserName}': \"{created.Description}\", {Audit.Listing.PermissionSummary.Of(created.Permissions)}"));
            }

            foreach (var reference in action.References ?? [])
            {
                var what = action.ReissuedAs is not null ? "remove previous copy" : reference.Rewrite ? "rewrite" : "not rewritten";
                await standardError.WriteLineAsync(TerminalText.Escape(
                    $"  {string.Empty,-16}   {what} {reference.Source} {reference.Location}{(reference.Reason is null ? string.Empty : ": " + reference.Reason)}"));
            }
        }

        foreach (var skipped in plan.Skipped)
        {
            await standardError.WriteLineAsync(TerminalText.Escape($"  {"protected",-16} {skipped.Target}/{skipped.TokenId} {skipped.Rule}: {skipped.Reason}"));
        }
    }

    private static string RewriteList(PlannedAction action) =>
        string.Join(", ", (action.References ?? []).Where(reference => reference.Rewrite).Select(reference => $"{reference.Source} {reference.Location}"));

    /// <summary>With the worker's PostgreSQL store configured, when each open finding was first seen; null without (or when unreachable).</summary>
    private static async Task<Dictionary<(string Target, string Rule, string Subject), DateTimeOffset>?> FirstSeenAsync(
        SchedulerOptions? scheduler, AuditReport report, TextWriter standardError, CancellationToken cancellationToken)
    {
        if (scheduler is not { UsesPostgres: true })
        {
            return null;
        }

        try
        {
            var all = new Dictionary<(string, string, string), DateTimeOffset>();
            foreach (var target in report.Targets.Where(target => target.Outcome == AuditOutcome.Success))
            {
                foreach (var ((rule, subject), seen) in await OpenFindingsReader.FirstSeenAsync(scheduler, target.Target, cancellationToken))
                {
                    all[(target.Target, rule, subject)] = seen;
                }
            }

            return all;
        }
        catch (Exception exception) when (OpenFindingsReader.IsUnavailable(exception))
        {
            await standardError.WriteLineAsync("tokengov: the findings history could not be read, so grace periods start now: " + TerminalText.Escape(DatabaseErrors.OneLine(exception)));
            return null;
        }
    }
}
