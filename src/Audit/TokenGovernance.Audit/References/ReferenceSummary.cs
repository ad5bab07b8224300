namespace TokenGovernance.Audit.References;

/// <summary>Reference counts by state and the sources that failed.</summary>
public sealed record ReferenceSummary(IReadOnlyDictionary<(string Source, string State), int> CountsBySourceAndState, IReadOnlyList<string> Errors)
{
    /// <summary>Counts by state over all sources, for the report's <c>references</c> block.</summary>
    public Dictionary<string, int> CountsByState =>
        CountsBySourceAndState.GroupBy(pair => pair.Key.State).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
}
