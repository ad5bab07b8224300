using System.Collections.Immutable;

namespace TokenGovernance.AuditWorker.Auditing;

/// <summary>The latest result and the latest successful result of every target, swapped atomically.</summary>
public sealed class AuditStateStore
{
    private ImmutableDictionary<string, TargetState> _targets = ImmutableDictionary<string, TargetState>.Empty.WithComparers(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TargetState> Targets => _targets;

    public void Record(TargetAuditResult result) =>
        ImmutableInterlocked.AddOrUpdate(
            ref _targets,
            result.Target,
            _ => new TargetState(result, result.Outcome == AuditOutcome.Success ? result : null),
            (_, previous) => new TargetState(result, result.Outcome == AuditOutcome.Success ? result : previous.LastSuccess));

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
