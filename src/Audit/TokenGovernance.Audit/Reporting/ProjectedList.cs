using System.Collections;

namespace TokenGovernance.Audit.Reporting;

/// <summary>
/// A read-only list that maps each element of <paramref name="source"/> as it is read: the report's findings are
/// written as they are mapped and collected right after, instead of a second object per finding held for the whole
/// write (96,000 findings: about 14 MB, docs/performance.md).
/// </summary>
internal sealed class ProjectedList<TSource, TResult>(IReadOnlyList<TSource> source, Func<TSource, TResult> map) : IReadOnlyList<TResult>
{
    public int Count => source.Count;

    public TResult this[int index] => map(source[index]);

    public IEnumerator<TResult> GetEnumerator()
    {
        for (var index = 0; index < source.Count; index++)
        {
            yield return map(source[index]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
