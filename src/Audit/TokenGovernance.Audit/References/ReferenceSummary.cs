using TokenGovernance.Audit.Listing;

namespace TokenGovernance.Audit.References;

/// <summary>Reference counts by state and the sources that failed.</summary>
public sealed record ReferenceSummary(IReadOnlyDictionary<(string Source, string State), int> CountsBySourceAndState, IReadOnlyList<string> Errors)
{
    /// <summary>The references resolved to a listed token, by token id: what <c>tokens show</c> lists as holding it.</summary>
    public IReadOnlyDictionary<string, List<TokenReferenceRecord>> ByToken { get; init; } = new Dictionary<string, List<TokenReferenceRecord>>(StringComparer.Ordinal);

    /// <summary>Counts by state over all sources, for the report's <c>references</c> block.</summary>
    public Dictionary<string, int> CountsByState =>
        CountsBySourceAndState.GroupBy(pair => pair.Key.State).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
}
