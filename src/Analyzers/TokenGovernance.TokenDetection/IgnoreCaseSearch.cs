#if NET
using System;
using System.Buffers;
using System.Threading;

namespace TokenGovernance.TokenDetection
{
    /// <summary>
    /// A vectorized case-insensitive search (<see cref="SearchValues{T}"/> of one string, OrdinalIgnoreCase) for each key
    /// name the scanner looks for on every line ("token", "influx", the extra names). The scanner asks with the same
    /// string instances every time, so they are found by reference in a small copy-on-write table: no hashing per line.
    /// </summary>
    internal static class IgnoreCaseSearch
    {
        private static (string Value, SearchValues<string> Search)[] _searches = [];

        public static bool Contains(ReadOnlySpan<char> text, string value) => text.IndexOfAny(For(value)) >= 0;

        private static SearchValues<string> For(string value)
        {
            foreach (var (known, search) in Volatile.Read(ref _searches))
            {
                if (ReferenceEquals(known, value))
                {
                    return search;
                }
            }

            var created = SearchValues.Create([value], StringComparison.OrdinalIgnoreCase);
            while (true)
            {
                var current = Volatile.Read(ref _searches);
                if (current.Length >= 64)
                {
                    // Names that keep changing (not the scanner's own): no table for them.
                    return created;
                }

                if (Interlocked.CompareExchange(ref _searches, [.. current, (value, created)], current) == current)
                {
                    return created;
                }
            }
        }
    }
}
#endif
