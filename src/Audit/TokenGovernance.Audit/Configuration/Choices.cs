namespace TokenGovernance.Audit.Configuration;

/// <summary>A file reference source's kind: plain text (a finding of its own) or a mounted secret.</summary>
public enum FileSourceKind
{
    Plain,
    Secret,
}

/// <summary>Console log format of the worker and the CLI.</summary>
public enum LogFormat
{
    Plain,
    Json,
}

/// <summary>
/// The configuration's fixed choices are written as words (<c>"Kind": "secret"</c>) and read as enums: bound as
/// strings so that a wrong word is one problem among all the others the validators list (a binding failure would
/// stop at the first), parsed here, case-insensitively, by name only (never a number).
/// </summary>
public static class Choices
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary><c>table, json or sarif</c>: the words a choice accepts, as problems name them.</summary>
    public static string Described(IReadOnlyList<string> words) => Listed(words, "or");

    /// <summary><c>a</c>, <c>a or b</c>, <c>a, b or c</c> (with <paramref name="conjunction"/>): the distinct words in order.</summary>
    public static string Listed(IEnumerable<string> words, string conjunction)
    {
        var distinct = words.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count <= 1 ? string.Concat(distinct) : string.Join(", ", distinct.Take(distinct.Count - 1)) + $" {conjunction} " + distinct[^1];
    }

    /// <summary>The parsed value, or <paramref name="fallback"/> for text the validator has already refused.</summary>
    public static TEnum Parse<TEnum>(string? text, TEnum fallback)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : fallback;
}
