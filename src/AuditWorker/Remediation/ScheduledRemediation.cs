using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.AuditWorker.Remediation;

/// <summary>
/// <c>Remediation:Mode = apply</c>: after each successful scheduled audit of a target (once per fire, across a cluster:
/// the Quartz job runs on one replica), the due actions of its plan are applied as <c>remediate apply --yes</c> would,
/// re-reading each token first, and journaled to <c>Remediation:JournalFile</c>.
/// </summary>
public sealed class ScheduledRemediation(
    RemediationStatus status, RemediationApplier applier, IOptions<TokenGovernanceOptions> options, ILogger<ScheduledRemediation> logger)
{
    private readonly SemaphoreSlim _journal = new(1, 1);

    public async Task AfterAuditAsync(TargetAuditResult result, CancellationToken cancellationToken)
    {
        if (options.Value.Remediation.ParsedMode != RemediationMode.Apply || status.PlanFor(result) is not { } plan
            || !plan.Actions.Any(action => action.State == ActionStates.Due))
        {
            return;
        }

        await _journal.WaitAsync(cancellationToken);
        try
        {
            using var journal = Journal.Append(options.Value.Remediation.JournalFile!);
            var summary = await applier.ApplyAsync(plan, journal, cancellationToken);
            logger.LogInformation(
                "Remediation of {Target}: {Applied} applied, {AlreadyDone} already done, {Refused} refused, {Failed} failed, {NotAttempted} not attempted (journal {Journal})",
                result.Target, summary.Of(JournalOutcomes.Applied), summary.Of(JournalOutcomes.AlreadyDone), summary.Of(JournalOutcomes.Refused),
                summary.Of(JournalOutcomes.Failed), summary.Of(JournalOutcomes.NotAttempted), journal.Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Remediation of {Target} did not run: the journal {Journal} cannot be written: {Reason}",
                result.Target, options.Value.Remediation.JournalFile, Audit.Safety.ServerText.OneLine(exception.Message));
        }
        finally
        {
            _journal.Release();
        }
    }
}
