using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Products;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Carries out a reviewed plan, and rolls a journal back. Before each action the token is read again: one that changed
/// since the plan (its <c>updatedAt</c> or permissions), is gone, or is now protected is refused; caps are checked again
/// for the whole target before any call. Each action is read back and journaled, whatever its outcome; a failed call
/// stops that target and journals what was not attempted.
/// </summary>
public sealed class RemediationApplier(
    IEnumerable<ITokenActions> products, ReissueApplier reissuer, ReissueUndoer undoer, IEnumerable<IReferenceRewriter> rewriters,
    IOptions<TokenGovernanceOptions> options, ProductCatalog catalog, TimeProvider time)
{
    /// <param name="countPlanRefusals">
    /// <c>remediate apply</c>: the actions the plan already refused (caps, a re-issue it could not prepare) are
    /// journaled and counted as refused, so that a plan refused whole does not apply as "nothing to do". The worker
    /// leaves them out: its metrics show them at every audit, and its journal would grow by them at every audit.
    /// </param>
    public async Task<RemediationSummary> ApplyAsync(RemediationPlan plan, IJournalSink journal, CancellationToken cancellationToken, bool countPlanRefusals = false)
    {
        var summary = new RemediationSummary();
        foreach (var refused in countPlanRefusals ? plan.Actions.Where(action => action.State == ActionStates.Refused) : [])
        {
            await journal.WriteAsync(Entry(refused.Target, refused, null, plan.Digest, JournalOutcomes.Refused, PlanRefusal(plan, refused), null, null), cancellationToken);
            summary.Count(JournalOutcomes.Refused);
        }

        var planner = new RemediationPlanner(options.Value, catalog);
        var protection = new RemediationProtection(options.Value.Remediation.Protect);
        foreach (var group in plan.Actions.Where(action => action.State == ActionStates.Due).GroupBy(action => action.Target, StringComparer.Ordinal))
        {
            var actions = group.ToList();
            var planTarget = plan.Targets.FirstOrDefault(target => target.Name == group.Key);
            if (planner.CapProblem(group.Key, actions.Count, planTarget?.Tokens ?? 0) is { } capped)
            {
                await RefuseAllAsync(actions, null, capped, plan.Digest, journal, summary, cancellationToken);
                continue;
            }

            await ApplyTargetAsync(group.Key, actions, plan.Digest, protection, journal, summary, cancellationToken);
        }

        return summary;
    }

    /// <summary>Re-activates what the journal deactivated and undoes what it re-issued (unless a later line undid it), refusing tokens changed since.</summary>
    public async Task<RemediationSummary> RollbackAsync(IReadOnlyList<JournalEntry> entries, IJournalSink journal, CancellationToken cancellationToken)
    {
        var summary = new RemediationSummary();
        var protection = new RemediationProtection(options.Value.Remediation.Protect);
        foreach (var group in ToUndo(entries).GroupBy(entry => entry.Target, StringComparer.Ordinal))
        {
            await RollbackTargetAsync(group.Key, group.ToList(), protection, journal, summary, cancellationToken);
        }

        return summary;
    }

    /// <summary>
    /// What a rollback of <paramref name="entries"/> undoes: per token, the last change the journal applied, when it was
    /// a deactivation or a re-issue; or a re-issue that was interrupted (its <c>started</c> lines with no ending line
    /// after them), merged into one entry with outcome <c>started</c>: its references, service user and, once made, the
    /// new token.
    /// </summary>
    public static List<JournalEntry> ToUndo(IEnumerable<JournalEntry> entries)
    {
        var undo = new List<JournalEntry>();
        foreach (var group in entries.GroupBy(entry => (entry.Target, entry.TokenId)))
        {
            var lines = group.ToList();
            if (Interrupted(lines) is { } interrupted)
            {
                undo.Add(interrupted);
            }
            else if (lines.LastOrDefault(entry => entry.Outcome == JournalOutcomes.Applied) is { Action: KnownActions.Deactivate or ReissueFlow.Action } applied)
            {
                undo.Add(applied);
            }
        }

        return undo;
    }

    /// <summary>The last re-issue attempt of one token when nothing ended it (no applied or failed re-issue, no undo after it).</summary>
    private static JournalEntry? Interrupted(List<JournalEntry> lines)
    {
        var last = lines.FindLastIndex(entry => entry.Action == ReissueFlow.Action && entry.Outcome == JournalOutcomes.Started);
        if (last < 0 || lines.Skip(last + 1).Any(entry => entry.Action == ReissueFlow.UndoAction
                || (entry.Action == ReissueFlow.Action && entry.Outcome is JournalOutcomes.Applied or JournalOutcomes.Failed)))
        {
            return null;
        }

        // The attempt's first line names the references; the one written after the create names the token.
        var first = lines.FindLastIndex(last, entry => entry.Action == ReissueFlow.Action && entry.Outcome == JournalOutcomes.Started && entry.NewTokenId is null);
        var start = first >= 0 ? lines[first] : lines[last];
        return start with { NewTokenId = lines[last].NewTokenId, NewFingerprint = lines[last].NewFingerprint };
    }

    private async Task ApplyTargetAsync(
        string targetName, List<PlannedAction> actions, string? planDigest, RemediationProtection protection, IJournalSink journal,
        RemediationSummary summary, CancellationToken cancellationToken)
    {
        var (session, problem) = await OpenAsync(targetName, cancellationToken);
        if (session is null)
        {
            await FailAllAsync(targetName, actions.Select(action => (action.TokenId, action.Fingerprint, (string?)action.Rule)), KnownActions.Deactivate, null, problem!, planDigest, journal, summary, cancellationToken);
            return;
        }

        for (var index = 0; index < actions.Count; index++)
        {
            var action = actions[index];
            JournalEntry entry;
            try
            {
                var current = await session.ReadAsync(action.TokenId, cancellationToken);
                var refused = current is null ? "the token is gone (deleted since the plan)"
                    : current.Status == "inactive" ? null
                    : current.UpdatedAt != action.UpdatedAt ? $"the token changed since the plan (updatedAt {Time(current.UpdatedAt)}, the plan read {Time(action.UpdatedAt)})"
                    : current.PermissionsDigest != action.PermissionsDigest ? "the token's permissions changed since the plan"
                    : protection.Reason(current.Id, current.Kind, current.OwnerId, current.OwnerName, current.Description, session.Actor);
                var before = current is null ? null : new TokenStateRecord(current.Status, current.UpdatedAt);
                if (refused is not null)
                {
                    entry = Entry(targetName, action, session.Actor.Name, planDigest, JournalOutcomes.Refused, refused, before, null);
                }
                else if (action.Action == ReissueFlow.Action)
                {
                    var template = Entry(targetName, action, session.Actor.Name, planDigest, JournalOutcomes.Refused, null, before, null);
                    entry = current!.Status == "inactive"
                        ? template with { Reason = "the token was deactivated since the plan: nothing to re-issue" }
                        : await reissuer.ReissueAsync(session, action, current, template, journal, cancellationToken);
                    if (entry.Outcome == JournalOutcomes.Applied)
                    {
                        entry = entry with { After = await StateAsync(session, action.TokenId, cancellationToken) };
                    }
                }
                else if (current!.Status == "inactive")
                {
                    entry = Entry(targetName, action, session.Actor.Name, planDigest, JournalOutcomes.AlreadyDone, "already inactive", before, before);
                    if (action.ReissuedAs is not null)
                    {
                        // Retired by someone else since the plan: its previous copies go all the same.
                        entry = entry with { References = await RemovePreviousCopiesAsync(action, cancellationToken) };
                    }
                }
                else
                {
                    var (after, failure) = await ChangeAsync(session, action.TokenId, active: false, cancellationToken);
                    entry = Entry(targetName, action, session.Actor.Name, planDigest, failure is null ? JournalOutcomes.Applied : JournalOutcomes.Failed, failure, before, after);
                    if (failure is null && action.ReissuedAs is not null)
                    {
                        entry = entry with { References = await RemovePreviousCopiesAsync(action, cancellationToken) };
                    }
                }
            }
            catch (Exception exception) when (exception is TargetReadException)
            {
                await journal.WriteAsync(Entry(targetName, action, session.Actor.Name, planDigest, JournalOutcomes.Failed, exception.Message, null, null), cancellationToken);
                summary.Count(JournalOutcomes.Failed);
                await FailAllAsync(targetName, actions.Skip(index + 1).Select(rest => (rest.TokenId, rest.Fingerprint, (string?)rest.Rule)), KnownActions.Deactivate, session.Actor.Name,
                    $"not attempted: an earlier call to target '{targetName}' failed", planDigest, journal, summary, cancellationToken, JournalOutcomes.NotAttempted);
                return;
            }

            await journal.WriteAsync(entry, cancellationToken);
            summary.Count(entry.Outcome);
        }
    }

    private async Task RollbackTargetAsync(
        string targetName, List<JournalEntry> deactivated, RemediationProtection protection, IJournalSink journal, RemediationSummary summary, CancellationToken cancellationToken)
    {
        var (session, problem) = await OpenAsync(targetName, cancellationToken);
        if (session is null)
        {
            await FailAllAsync(targetName, deactivated.Select(entry => (entry.TokenId, entry.Fingerprint, entry.Rule)), "reactivate", null, problem!, null, journal, summary, cancellationToken);
            return;
        }

        foreach (var done in deactivated)
        {
            JournalEntry entry;
            var template = new JournalEntry
            {
                Time = time.GetUtcNow(), Actor = session.Actor.Name, Target = targetName, TokenId = done.TokenId, Fingerprint = done.Fingerprint,
                Action = "reactivate", Rule = done.Rule, PlanDigest = done.PlanDigest, Outcome = JournalOutcomes.Applied,
            };
            try
            {
                var current = await session.ReadAsync(done.TokenId, cancellationToken);
                var before = current is null ? null : new TokenStateRecord(current.Status, current.UpdatedAt);
                if (current is null)
                {
                    entry = template with { Outcome = JournalOutcomes.Refused, Reason = "the token is gone" };
                }
                else if (protection.Reason(current.Id, current.Kind, current.OwnerId, current.OwnerName, current.Description, session.Actor) is { } guarded)
                {
                    // A journal is a file anyone with write access to it can add lines to: what tokengov never touches
                    // on the way out it does not touch on the way back either.
                    entry = template with { Outcome = JournalOutcomes.Refused, Reason = guarded, Before = before };
                }
                else if (done.Action == ReissueFlow.Action)
                {
                    entry = await undoer.UndoAsync(session, done, current, template with { Action = ReissueFlow.UndoAction, NewTokenId = done.NewTokenId, Before = before }, cancellationToken);
                }
                else if (current.Status == "active")
                {
                    entry = template with { Outcome = JournalOutcomes.AlreadyDone, Reason = "already active", Before = before, After = before };
                }
                else if (current.UpdatedAt != done.After?.UpdatedAt)
                {
                    entry = template with { Outcome = JournalOutcomes.Refused, Reason = $"the token changed since it was deactivated (updatedAt {Time(current.UpdatedAt)}, the journal has {Time(done.After?.UpdatedAt)})", Before = before };
                }
                else
                {
                    var (after, failure) = await ChangeAsync(session, done.TokenId, active: true, cancellationToken);
                    entry = template with { Outcome = failure is null ? JournalOutcomes.Applied : JournalOutcomes.Failed, Reason = failure, Before = before, After = after };
                }
            }
            catch (Exception exception) when (exception is TargetReadException)
            {
                entry = template with { Outcome = JournalOutcomes.Failed, Reason = exception.Message };
            }

            await journal.WriteAsync(entry with { Time = time.GetUtcNow() }, cancellationToken);
            summary.Count(entry.Outcome);
        }
    }

    /// <summary>
    /// A retired re-issue's previous copies, removed once the old token is inactive: each only while it still holds
    /// the old value. A copy that cannot be removed is journaled and left; the deactivation stands.
    /// </summary>
    private async Task<List<JournalReference>> RemovePreviousCopiesAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var removed = new List<JournalReference>();
        foreach (var copy in action.References ?? [])
        {
            var outcome = "removed";
            string? reason = null;
            try
            {
                if (rewriters.FirstOrDefault(rewriter => rewriter.Handles(copy.Source)) is not { } rewriter)
                {
                    (outcome, reason) = (JournalOutcomes.Failed, "tokengov cannot write there in this configuration");
                }
                else if (!await rewriter.RemovePreviousAsync(action.Target, copy, cancellationToken))
                {
                    (outcome, reason) = ("already-gone", null);
                }
            }
            catch (RewriteException exception)
            {
                (outcome, reason) = (JournalOutcomes.Failed, exception.Message);
            }

            removed.Add(new JournalReference(copy.Source, copy.Location, copy.Fingerprint, outcome, reason));
        }

        return removed;
    }

    private static async Task<TokenStateRecord?> StateAsync(ITokenActionSession session, string tokenId, CancellationToken cancellationToken) =>
        await session.ReadAsync(tokenId, cancellationToken) is { } token ? new TokenStateRecord(token.Status, token.UpdatedAt) : null;

    /// <summary>Sets the token's state and reads it back: the state after, and why it is not what was asked (null when it is).</summary>
    private static async Task<(TokenStateRecord? After, string? Failure)> ChangeAsync(ITokenActionSession session, string tokenId, bool active, CancellationToken cancellationToken)
    {
        await session.SetActiveAsync(tokenId, active, cancellationToken);
        var after = await session.ReadAsync(tokenId, cancellationToken);
        var state = after is null ? null : new TokenStateRecord(after.Status, after.UpdatedAt);
        return (state, after?.Status == (active ? "active" : "inactive") ? null : $"read back as {after?.Status ?? "gone"} after the change");
    }

    private async Task<(ITokenActionSession? Session, string? Problem)> OpenAsync(string targetName, CancellationToken cancellationToken)
    {
        var target = options.Value.Targets.FirstOrDefault(candidate => candidate.Name == targetName);
        if (target is null)
        {
            return (null, $"target '{targetName}' is not in the configuration");
        }

        var product = products.FirstOrDefault(candidate => candidate.CanAct(target));
        if (product is null)
        {
            return (null, $"target '{targetName}': tokengov cannot change tokens of this product");
        }

        try
        {
            return (await product.OpenAsync(target, cancellationToken), null);
        }
        catch (Exception exception) when (exception is TargetReadException or TokenUnavailableException)
        {
            return (null, $"target '{targetName}': {exception.Message}");
        }
    }

    private async Task RefuseAllAsync(List<PlannedAction> actions, string? actor, string reason, string? planDigest, IJournalSink journal, RemediationSummary summary, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            await journal.WriteAsync(Entry(action.Target, action, actor, planDigest, JournalOutcomes.Refused, reason, null, null), cancellationToken);
            summary.Count(JournalOutcomes.Refused);
        }
    }

    private async Task FailAllAsync(
        string target, IEnumerable<(string TokenId, string? Fingerprint, string? Rule)> tokens, string action, string? actor, string reason, string? planDigest,
        IJournalSink journal, RemediationSummary summary, CancellationToken cancellationToken, string outcome = JournalOutcomes.Failed)
    {
        foreach (var (tokenId, fingerprint, rule) in tokens)
        {
            await journal.WriteAsync(new JournalEntry
            {
                Time = time.GetUtcNow(), Actor = actor, Target = target,
                TokenId = tokenId, Fingerprint = fingerprint, Action = action, Rule = rule, PlanDigest = planDigest, Outcome = outcome, Reason = reason,
            }, cancellationToken);
            summary.Count(outcome);
        }
    }

    /// <summary>Why the plan refused an action: its own reason, else its target's (a cap).</summary>
    public static string PlanRefusal(RemediationPlan plan, PlannedAction action) =>
        "refused when the plan was made: " + (action.Reason ?? plan.Targets.FirstOrDefault(target => target.Name == action.Target)?.Refused ?? "no reason recorded");

    private JournalEntry Entry(string target, PlannedAction action, string? actor, string? planDigest, string outcome, string? reason, TokenStateRecord? before, TokenStateRecord? after) => new()
    {
        Time = time.GetUtcNow(), Actor = actor, Target = target, TokenId = action.TokenId, Fingerprint = action.Fingerprint, Action = action.Action,
        Rule = action.Rule, Before = before, After = after, PlanDigest = planDigest, Outcome = outcome, Reason = reason,
    };

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}

/// <summary>How many actions ended how: the exit code of <c>apply</c> and <c>rollback</c>.</summary>
public sealed class RemediationSummary
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public int Of(string outcome) => _counts.GetValueOrDefault(outcome);

    internal void Count(string outcome) => _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
}
