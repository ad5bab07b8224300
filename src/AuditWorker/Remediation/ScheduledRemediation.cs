using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.AuditWorker.Remediation;

/// <summary>
/// <c>Remediation:Mode = apply</c>: after each successful scheduled audit of a target (once per fire, across a cluster:
/// the Quartz job runs on one replica), the due actions of its plan are applied as <c>remediate apply --yes</c> would,
/// re-reading each token first, and journaled: to <c>tokengov_remediation_journal</c> with the PostgreSQL store, to
/// <c>Remediation:JournalFile</c> when set (both when both).
/// </summary>
public sealed class ScheduledRemediation(
    RemediationStatus status, RemediationApplier applier, IOptions<TokenGovernanceOptions> options, IOptions<Persistence.SchedulerOptions> scheduler, IServiceProvider services, ILogger<ScheduledRemediation> logger)
{
    private readonly SemaphoreSlim _journal = new(1, 1);

    public async Task AfterAuditAsync(TargetAuditResult result, CancellationToken cancellationToken)
    {
        if (options.Value.Remediation.ParsedMode != RemediationMode.Apply || status.PlanFor(result) is not { } planned)
        {
            return;
        }

        // The worker deactivates (retirements of re-issued tokens included); a re-issue is made from a reviewed plan only.
        var plan = planned with { Actions = planned.Actions.Where(action => action.Action == KnownActions.Deactivate).ToList() };
        if (!plan.Actions.Any(action => action.State == ActionStates.Due))
        {
            return;
        }

        await _journal.WaitAsync(cancellationToken);
        try
        {
            using var file = options.Value.Remediation.JournalFile is { Length: > 0 } path ? Journal.Append(path) : null;
            var database = scheduler.Value.UsesPostgres ? services.GetRequiredService<Persistence.PostgresJournal>() : null;
            var summary = await applier.ApplyAsync(plan, new Sinks(file, database), cancellationToken);
            logger.LogInformation(
                "Remediation of {Target}: {Applied} applied, {AlreadyDone} already done, {Refused} refused, {Failed} failed, {NotAttempted} not attempted (journal {Journal})",
                result.Target, summary.Of(JournalOutcomes.Applied), summary.Of(JournalOutcomes.AlreadyDone), summary.Of(JournalOutcomes.Refused),
                summary.Of(JournalOutcomes.Failed), summary.Of(JournalOutcomes.NotAttempted),
                string.Join(" and ", new[] { file?.Path, database is null ? null : "tokengov_remediation_journal" }.OfType<string>()));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Npgsql.NpgsqlException)
        {
            logger.LogError("Remediation of {Target} stopped: its journal cannot be written: {Reason}",
                result.Target, Persistence.DatabaseErrors.OneLine(exception));
        }
        finally
        {
            _journal.Release();
        }
    }

    /// <summary>Each entry to every journal configured; one that cannot be written stops the run before the next action.</summary>
    private sealed class Sinks(Journal? file, IJournalSink? database) : IJournalSink
    {
        public async Task WriteAsync(JournalEntry entry, CancellationToken cancellationToken)
        {
            if (database is not null)
            {
                await database.WriteAsync(entry, cancellationToken);
            }

            if (file is not null)
            {
                await file.WriteAsync(entry, cancellationToken);
            }
        }
    }
}
