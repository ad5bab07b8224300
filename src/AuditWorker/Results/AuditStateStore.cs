using System.Collections.Immutable;

using TokenGovernance.Audit.Auditing;

namespace TokenGovernance.AuditWorker.Results;

/// <summary>
/// What this replica serves on /metrics, /report and /readyz: the latest result and the latest successful result of
/// every target, and the findings opened/resolved counts, each swapped atomically. With the memory store the audits
/// of this process write it; with the PostgreSQL store the snapshot refresher replaces it from the database.
/// </summary>
public sealed class AuditStateStore
{
    private ImmutableDictionary<string, TargetState> _targets = ImmutableDictionary<string, TargetState>.Empty.WithComparers(StringComparer.Ordinal);
    private ImmutableDictionary<string, IReadOnlyDictionary<string, FindingCounts>> _counts =
        ImmutableDictionary<string, IReadOnlyDictionary<string, FindingCounts>>.Empty.WithComparers(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TargetState> Targets => _targets;

    /// <summary>Findings opened and resolved, by target and then rule id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FindingCounts>> Counts => _counts;

    public void Record(TargetAuditResult result) =>
        ImmutableInterlocked.AddOrUpdate(
            ref _targets,
            result.Target,
            _ => new TargetState(result, result.Outcome == AuditOutcome.Success ? result : null),
            (_, previous) => new TargetState(result, result.Outcome == AuditOutcome.Success ? result : previous.LastSuccess));

    public void SetCounts(string target, IReadOnlyDictionary<string, FindingCounts> countsByRule) =>
        ImmutableInterlocked.AddOrUpdate(ref _counts, target, countsByRule, (_, _) => countsByRule);

    /// <summary>Replaces everything at once with what the shared store holds.</summary>
    public void Replace(IReadOnlyDictionary<string, TargetState> targets, IReadOnlyDictionary<string, IReadOnlyDictionary<string, FindingCounts>> counts)
    {
        _targets = targets.ToImmutableDictionary(StringComparer.Ordinal);
        _counts = counts.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>A report of the latest result of each target, or null before the first audit finished.</summary>
    public AuditReport? LatestReport()
    {
        var results = _targets.Values.Select(state => state.Last).OrderBy(result => result.Target, StringComparer.Ordinal).ToList();
        return results.Count == 0
            ? null
            : new AuditReport(results.Min(result => result.StartedAt), results.Max(result => result.FinishedAt), results);
    }
}

/// <summary>After a failure <see cref="LastSuccess"/> stays as it was, so gauges keep the previous snapshot.</summary>
public sealed record TargetState(TargetAuditResult Last, TargetAuditResult? LastSuccess);
