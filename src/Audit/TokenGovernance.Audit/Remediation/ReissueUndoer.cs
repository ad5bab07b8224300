namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Rolls a re-issue back from its journal line: each rewritten reference gets its previous copy back (the copy is the
/// only place the old value was kept), then the new token is deleted, the old one re-activated if it had been
/// deactivated, and its description put back. A reference that cannot be restored stops the rollback before the new
/// token is deleted: a reference still holding it keeps working.
/// </summary>
public sealed class ReissueUndoer(IEnumerable<IReferenceRewriter> rewriters)
{
    /// <param name="done">
    /// The journaled re-issue: applied (its rewritten references are restored), or interrupted (outcome
    /// <c>started</c>: each planned reference that no longer holds the old value is restored, and the new token is
    /// the one the journal names or, when the create was cut off before its answer, the service user's token with
    /// the re-issue's description).
    /// </param>
    public async Task<JournalEntry> UndoAsync(ITokenActionSession session, JournalEntry done, CurrentToken current, JournalEntry entry, CancellationToken cancellationToken)
    {
        var interrupted = done.Outcome == JournalOutcomes.Started;
        if (interrupted && done.NewTokenId is null && done.ServiceUserId is { } serviceUser
            && await session.FindTokensAsync(serviceUser, ReissueFlow.NewDescription(done.DescriptionBefore, done.TokenId), cancellationToken) is [var made])
        {
            done = done with { NewTokenId = made };
        }

        entry = entry with { NewTokenId = done.NewTokenId };
        var restored = new List<JournalReference>();
        foreach (var reference in (done.References ?? []).Where(reference => reference.Outcome is "rewritten" or JournalOutcomes.Planned))
        {
            var planned = new PlannedReference(reference.Source, reference.Location, reference.Fingerprint, Rewrite: true);
            try
            {
                var rewriter = rewriters.FirstOrDefault(candidate => candidate.Handles(reference.Source))
                    ?? throw new RewriteException($"{reference.Source} '{reference.Location}': tokengov cannot write there in this configuration");
                if (interrupted && await StillHoldsOldValueAsync(rewriter, done.Target, planned, cancellationToken))
                {
                    // Never rewritten: the run was killed before it got there.
                    continue;
                }

                await rewriter.RestoreAsync(done.Target, planned, cancellationToken);
                restored.Add(reference with { Outcome = JournalOutcomes.Restored, Reason = null });
            }
            catch (RewriteException exception)
            {
                var before = restored.Count;
                restored.Add(reference with { Outcome = JournalOutcomes.Failed, Reason = exception.Message });
                var left = before == 0 ? "no reference was restored" : $"{before} reference(s) were restored";
                return entry with
                {
                    Outcome = JournalOutcomes.Failed,
                    Reason = $"{exception.Message}; {left}, the new token {done.NewTokenId} is kept (what was not restored still uses it)",
                    References = restored,
                };
            }
        }

        var steps = new List<string>();
        try
        {
            if (done.NewTokenId is { } newId)
            {
                steps.Add(await session.DeleteAsync(newId, cancellationToken) ? $"the new token {newId} was deleted" : $"the new token {newId} was already gone");
            }

            if (current.Status == "inactive")
            {
                await session.SetActiveAsync(current.Id, active: true, cancellationToken);
                steps.Add("the old token was re-activated");
            }

            if (ReissueFlow.TryReadMark(current.Description, out _, out _))
            {
                await session.SetDescriptionAsync(current.Id, done.DescriptionBefore ?? string.Empty, cancellationToken);
            }
        }
        catch (Auditing.TargetReadException exception)
        {
            var before = steps.Count == 0 ? string.Empty : string.Join("; ", steps) + "; ";
            return entry with
            {
                Outcome = JournalOutcomes.Failed,
                Reason = $"the references were restored; {before}then: {exception.Message}",
                References = restored.Count == 0 ? null : restored,
            };
        }

        var after = await session.ReadAsync(current.Id, cancellationToken);
        if (interrupted)
        {
            steps.Insert(0, "an interrupted re-issue was undone");
        }

        return entry with
        {
            Outcome = after?.Status == "active" ? JournalOutcomes.Applied : JournalOutcomes.Failed,
            Reason = string.Join("; ", steps) + (after?.Status == "active" ? string.Empty : $"; the old token reads back as {after?.Status ?? "gone"}"),
            References = restored.Count == 0 ? null : restored,
            After = after is null ? null : new TokenStateRecord(after.Status, after.UpdatedAt),
        };
    }

    private static async Task<bool> StillHoldsOldValueAsync(IReferenceRewriter rewriter, string target, PlannedReference reference, CancellationToken cancellationToken)
    {
        try
        {
            await rewriter.PrepareAsync(target, reference, cancellationToken);
            return true;
        }
        catch (RewriteException)
        {
            return false;
        }
    }
}
