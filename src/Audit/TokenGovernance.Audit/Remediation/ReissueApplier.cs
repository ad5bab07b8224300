using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// One re-issue, once the token was read again and found as planned: the service user and the audit token's right to
/// create are checked, every reference is read again (nothing is created unless all still hold the old value), the
/// token is created and probed, written into each reference, and the old token is marked with its successor (which
/// schedules its retirement). A failure after the create deletes the new token again and puts back every reference
/// already written. The new value is held as a <see cref="TokenSecret"/> and goes nowhere but into the references.
/// </summary>
public sealed class ReissueApplier(IEnumerable<IReferenceRewriter> rewriters, IOptions<TokenGovernanceOptions> options, TimeProvider time)
{
    /// <param name="journal">Gets a <c>started</c> line just before the create: a run killed after it leaves a journal that says what was in flight.</param>
    public async Task<JournalEntry> ReissueAsync(
        ITokenActionSession session, PlannedAction action, CurrentToken current, JournalEntry entry, IJournalSink journal, CancellationToken cancellationToken)
    {
        if (action.NewToken is not { } planned)
        {
            return entry with { Outcome = JournalOutcomes.Refused, Reason = "the plan names no token to create for this re-issue" };
        }

        if (PermissionsDigest.Of(planned.Permissions) != current.PermissionsDigest)
        {
            return entry with { Outcome = JournalOutcomes.Refused, Reason = "the plan's permissions for the new token are not the old token's" };
        }

        var user = await session.FindUserAsync(planned.ServiceUserId, cancellationToken);
        var refused = user is null ? $"the service user '{planned.ServiceUserName}' ({planned.ServiceUserId}) no longer exists"
            : user.Status == Model.PrincipalStatus.Inactive ? $"the service user '{planned.ServiceUserName}' is inactive: a token created for it would not work"
            : await session.WhyCannotCreateAsync(planned, cancellationToken);
        if (refused is not null)
        {
            return entry with { Outcome = JournalOutcomes.Refused, Reason = refused };
        }

        if ((await session.FindTokensAsync(planned.ServiceUserId, planned.Description, cancellationToken)) is [var leftover, ..])
        {
            return entry with
            {
                Outcome = JournalOutcomes.Refused,
                Reason = $"the service user already has a token described \"{planned.Description}\" ({leftover}): an earlier re-issue was interrupted; check its journal's 'started' line, restore any .tokengov-previous copies, delete that token, then apply again",
            };
        }

        var (prepared, notReady) = await PrepareAsync(action, cancellationToken);
        if (notReady is not null)
        {
            return entry with { Outcome = JournalOutcomes.Refused, Reason = notReady };
        }

        // Write-ahead: what is about to happen, and after the create what was made, so that a run killed at any
        // point leaves a journal from which rollback finds every reference and the token (JournalOutcomes.Started).
        var started = entry with
        {
            Outcome = JournalOutcomes.Started,
            Reason = $"creating a token for '{planned.ServiceUserName}' and rewriting {prepared.Count} reference(s): {string.Join(", ", prepared.Select(rewrite => Describe(rewrite.Reference)))}",
            References = prepared.Select(rewrite => Journaled(rewrite.Reference, JournalOutcomes.Planned)).ToList(),
            DescriptionBefore = current.Description,
            ServiceUserId = planned.ServiceUserId,
        };
        await journal.WriteAsync(started, cancellationToken);
        CreatedToken created;
        try
        {
            created = await session.CreateAsync(planned, cancellationToken);
        }
        catch (TargetReadException exception)
        {
            return entry with { Outcome = JournalOutcomes.Failed, Reason = await AfterFailedCreateAsync(session, planned, exception) };
        }

        entry = entry with { NewTokenId = created.Id, NewFingerprint = created.Value.Fingerprint, DescriptionBefore = current.Description };
        await journal.WriteAsync(started with
        {
            Time = time.GetUtcNow(),
            NewTokenId = created.Id,
            NewFingerprint = created.Value.Fingerprint,
            Reason = $"created token {created.Id} for '{planned.ServiceUserName}'; rewriting {prepared.Count} reference(s)",
        }, cancellationToken);
        if (await ProbeAsync(session, created, planned) is { } probeProblem)
        {
            return await AbandonAsync(session, created, entry, probeProblem, [], [], cancellationToken);
        }

        var written = new List<IPreparedRewrite>();
        var references = new List<JournalReference>();
        foreach (var rewrite in prepared)
        {
            try
            {
                await rewrite.WriteAsync(created.Value, cancellationToken);
                written.Add(rewrite);
                references.Add(Journaled(rewrite.Reference, "rewritten"));
            }
            catch (Exception exception)
            {
                // Whatever stopped the write (a refusal, a cancellation, a bug), nothing may stay half-wired.
                var why = exception switch
                {
                    RewriteException => Clean(exception.Message, created.Value),
                    OperationCanceledException => "cancelled",
                    _ => $"{exception.GetType().Name}: {Clean(exception.Message, created.Value)}",
                };
                references.Add(Journaled(rewrite.Reference, JournalOutcomes.Failed, why));
                return await AbandonAsync(session, created, entry, $"rewriting {Describe(rewrite.Reference)} failed: {why}", written, references, CancellationToken.None);
            }
        }

        var workloads = new List<JournalWorkload>();
        if (options.Value.Remediation.RestartWorkloads)
        {
            // Once per Secret: two rewritten keys of one Secret restart its readers once.
            var restarted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rewrite in written.Where(rewrite => restarted.Add(rewrite.Reference.Source + " " + rewrite.Reference.Location.Split('#')[0])))
            {
                workloads.AddRange(await rewrite.RestartReadersAsync(CancellationToken.None));
            }
        }

        var applied = entry with { Outcome = JournalOutcomes.Applied, References = references, Workloads = workloads.Count == 0 ? null : workloads };
        try
        {
            await session.SetDescriptionAsync(action.TokenId, ReissueFlow.Mark(current.Description, created.Id, time.GetUtcNow()), CancellationToken.None);
            return applied;
        }
        catch (TargetReadException exception)
        {
            return applied with
            {
                Reason = $"the old token could not be marked as re-issued, so its retirement is not scheduled: deactivate it by hand after {options.Value.Remediation.GraceDays} day(s) ({exception.Message})",
            };
        }
    }

    /// <summary>Every reference to rewrite, read again; the first that no longer holds the old value refuses the whole re-issue.</summary>
    private async Task<(List<IPreparedRewrite> Prepared, string? Problem)> PrepareAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var prepared = new List<IPreparedRewrite>();
        foreach (var reference in (action.References ?? []).Where(reference => reference.Rewrite))
        {
            if (rewriters.FirstOrDefault(rewriter => rewriter.Handles(reference.Source)) is not { } rewriter)
            {
                return (prepared, $"{Describe(reference)}: tokengov cannot write there in this configuration (is its reference source enabled?)");
            }

            try
            {
                prepared.Add(await rewriter.PrepareAsync(action.Target, reference, cancellationToken));
            }
            catch (RewriteException exception)
            {
                return (prepared, $"nothing was created: {exception.Message}");
            }
        }

        return prepared.Count == 0 ? (prepared, "the plan names no reference to rewrite") : (prepared, null);
    }

    private static async Task<string?> ProbeAsync(ITokenActionSession session, CreatedToken created, PlannedToken planned)
    {
        try
        {
            var owner = await session.ProbeUserAsync(created.Value, CancellationToken.None);
            return owner == planned.ServiceUserId ? null : $"the new token authenticates as user {owner}, not as the service user {planned.ServiceUserId}";
        }
        catch (TargetReadException exception)
        {
            return $"the new token does not work: {Clean(exception.Message, created.Value)}";
        }
    }

    /// <summary>After a failure: the references already written put back, the new token deleted; the journal says what is left.</summary>
    private static async Task<JournalEntry> AbandonAsync(
        ITokenActionSession session, CreatedToken created, JournalEntry entry, string problem, List<IPreparedRewrite> written, List<JournalReference> references,
        CancellationToken cancellationToken)
    {
        // The write loop journals each reference as it writes it: written[i] is journaled at references[i].
        var restoredAll = true;
        for (var index = written.Count - 1; index >= 0; index--)
        {
            try
            {
                await written[index].UndoAsync(cancellationToken);
                references[index] = references[index] with { Outcome = JournalOutcomes.Restored };
            }
            catch (RewriteException exception)
            {
                restoredAll = false;
                references[index] = references[index] with { Outcome = JournalOutcomes.Failed, Reason = "could not be put back: " + Clean(exception.Message, created.Value) };
            }
        }

        string deleted;
        try
        {
            await session.DeleteAsync(created.Id, cancellationToken);
            deleted = $"the new token {created.Id} was deleted again";
        }
        catch (TargetReadException exception)
        {
            deleted = $"the new token {created.Id} could NOT be deleted ({Clean(exception.Message, created.Value)}): delete it by hand";
        }

        var wiring = written.Count == 0 ? "no reference was changed"
            : restoredAll ? $"the {written.Count} reference(s) already rewritten were put back"
            : "some references could NOT be put back (see references): restore them from their .tokengov-previous copies";
        return entry with
        {
            Outcome = JournalOutcomes.Failed,
            Reason = $"{problem}; {deleted}; {wiring}",
            References = references.Count == 0 ? null : references,
        };
    }

    /// <summary>
    /// A create that failed may still have been made (an answer lost on the way back, a 500 after the write): the
    /// service user's tokens with the planned description are looked for and deleted, and the reason says which.
    /// </summary>
    private static async Task<string> AfterFailedCreateAsync(ITokenActionSession session, PlannedToken planned, TargetReadException failure)
    {
        IReadOnlyList<string> made;
        try
        {
            made = await session.FindTokensAsync(planned.ServiceUserId, planned.Description, CancellationToken.None);
        }
        catch (TargetReadException)
        {
            return $"creating the new token failed ({failure.Message}), and whether the server made it could not be read: look for a token of '{planned.ServiceUserName}' described \"{planned.Description}\" and delete it; no reference was changed";
        }

        if (made.Count == 0)
        {
            return $"creating the new token failed, nothing was changed: {failure.Message}";
        }

        var outcomes = new List<string>();
        foreach (var id in made)
        {
            try
            {
                await session.DeleteAsync(id, CancellationToken.None);
                outcomes.Add($"token {id} was deleted again");
            }
            catch (TargetReadException exception)
            {
                outcomes.Add($"token {id} could NOT be deleted ({exception.Message}): delete it by hand");
            }
        }

        return $"creating the new token failed ({failure.Message}), though the server made it: {string.Join("; ", outcomes)}; no reference was changed";
    }

    private static JournalReference Journaled(PlannedReference reference, string outcome, string? reason = null) =>
        new(reference.Source, reference.Location, reference.Fingerprint, outcome, reason);

    private static string Describe(PlannedReference reference) =>
        reference.Source == Model.ReferenceSources.File ? $"file '{reference.Location}'" : $"{reference.Source} '{reference.Location}'";

    /// <summary>A message from a writer or the server, one line, with neither the new value nor the audit token in it.</summary>
    private static string Clean(string message, TokenSecret value) => ServerText.OneLine(message, value.Reveal());
}
