using TokenGovernance.Audit.Policy;

namespace TokenGovernance.AuditWorker.Results;

/// <summary>
/// The findings history of a single replica (<c>Scheduler:Store = memory</c>): open findings by (rule, subject) with
/// the time they were first seen, and opened/resolved counts. Lives as long as the process.
/// </summary>
public sealed class InMemoryFindingsHistory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<(string Rule, string Subject), DateTimeOffset>> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FindingCounts>> _counts = new(StringComparer.Ordinal);

    /// <summary>Applies one successful audit; returns the findings with <c>FirstSeen</c> and the target's counts.</summary>
    public (IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, FindingCounts> Counts) Apply(string target, IReadOnlyList<Finding> findings, DateTimeOffset seenAt)
    {
        lock (_gate)
        {
            var previous = _open.GetValueOrDefault(target) ?? [];
            var counts = _counts.TryGetValue(target, out var existing) ? existing : _counts[target] = new Dictionary<string, FindingCounts>(StringComparer.Ordinal);
            var current = new Dictionary<(string Rule, string Subject), DateTimeOffset>(findings.Count);
            var stamped = new List<Finding>(findings.Count);
            foreach (var finding in findings)
            {
                var key = (finding.Rule.Id, finding.Subject);
                if (!current.TryGetValue(key, out var firstSeen))
                {
                    if (!previous.TryGetValue(key, out firstSeen))
                    {
                        firstSeen = seenAt;
                        var count = counts.GetValueOrDefault(key.Id);
                        counts[key.Id] = count with { Opened = count.Opened + 1 };
                    }

                    current[key] = firstSeen;
                }

                stamped.Add(finding with { FirstSeen = firstSeen });
            }

            foreach (var key in previous.Keys.Where(key => !current.ContainsKey(key)))
            {
                var count = counts.GetValueOrDefault(key.Rule);
                counts[key.Rule] = count with { Resolved = count.Resolved + 1 };
            }

            _open[target] = current;
            return (stamped, new Dictionary<string, FindingCounts>(counts, StringComparer.Ordinal));
        }
    }
}
