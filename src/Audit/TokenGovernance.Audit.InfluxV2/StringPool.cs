using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Shares equal short strings: a list of 100,000 tokens repeats the same actions, types, org and user ids hundreds
/// of thousands of times. A value already pooled is found by its characters copied to the stack, so repeats
/// allocate nothing. The pool is bounded: like <see cref="string.Intern(string)"/>, but it stops growing at its cap.
/// </summary>
internal static class StringPool
{
    private const int MaximumPooledLength = 40;
    private const int MaximumEntries = 200_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolByChars = Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current string token (or null), pooled when short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetString();
        }

        // UTF-8 never takes fewer bytes than characters, and unescaping only shortens: this many bytes fit the buffer.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaximumPooledLength)
        {
            return reader.GetString();
        }

        Span<char> buffer = stackalloc char[MaximumPooledLength];
        var characters = buffer[..reader.CopyString(buffer)];
        if (PoolByChars.TryGetValue(characters, out var pooled))
        {
            return pooled;
        }

        var value = new string(characters);
        return Pool.Count < MaximumEntries ? Pool.GetOrAdd(value, value) : value;
    }
}
