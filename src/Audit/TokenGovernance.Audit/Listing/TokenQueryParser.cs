using System.Globalization;

namespace TokenGovernance.Audit.Listing;

/// <summary>
/// Reads a <see cref="TokenQuery"/> from named values: <c>tokengov tokens</c>' options and <c>GET /tokens</c>' query
/// parameters share it, so both accept and refuse the same things with the same words. Names are the options'
/// without their dashes (<c>older-than</c>); a problem is a <see cref="TokenQueryException"/> naming the value.
/// </summary>
public static class TokenQueryParser
{
    public const int MaxDays = 36_500;

    /// <summary>The filter names, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["target", "user", "org", "database", "status", "can", "on", "owner", "finding", "older-than", "expires-within", "sort"];

    private static readonly string[] Sorts = ["target", "created", "age", "owner"];

    /// <param name="prefix"><c>--</c> for the command line, empty for query parameters: how problems name the filter.</param>
    public static TokenQuery Parse(IEnumerable<KeyValuePair<string, string>> values, string prefix)
    {
        var byName = values.GroupBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Select(pair => pair.Value).ToList(), StringComparer.Ordinal);
        if (byName.Keys.FirstOrDefault(name => !Names.Contains(name)) is { } unknown)
        {
            throw new TokenQueryException($"'{prefix}{unknown}' is not a filter; the filters are {string.Join(", ", Names.Select(name => prefix + name))}");
        }

        List<string> All(string name) => byName.GetValueOrDefault(name) ?? [];
        return new TokenQuery
        {
            Targets = All("target"),
            Users = All("user"),
            Scopes = [.. All("org"), .. All("database")],
            Statuses = Choices(All("status"), prefix + "status", TokenKinds.Statuses),
            Actions = Choices(All("can"), prefix + "can", ["read", "write"]),
            Resources = All("on").Select(text => ResourceSelector.Parse(text)
                ?? throw new TokenQueryException($"{prefix}on '{text}' is not TYPE or TYPE:NAME (for example buckets:telemetry or db:sensors)")).ToList(),
            OwnerKinds = Choices(All("owner"), prefix + "owner", Listing.OwnerKinds.All),
            Findings = All("finding").Select(text => RuleId(text, prefix)).ToList(),
            OlderThanDays = Days(All("older-than"), prefix + "older-than"),
            ExpiresWithinDays = Days(All("expires-within"), prefix + "expires-within"),
            Sort = All("sort") is { Count: > 0 } sorts
                ? Enum.Parse<TokenSort>(Choices([sorts[^1]], prefix + "sort", Sorts)[0], ignoreCase: true)
                : TokenSort.Target,
        };
    }

    private static List<string> Choices(List<string> values, string name, IReadOnlyList<string> allowed)
    {
        var result = new List<string>(values.Count);
        foreach (var value in values)
        {
            var normal = value.Trim().ToLowerInvariant();
            if (!allowed.Contains(normal))
            {
                throw new TokenQueryException($"{name} '{value}' is not {Configuration.Choices.Described(allowed)}");
            }

            result.Add(normal);
        }

        return result;
    }

    private static string RuleId(string text, string prefix)
    {
        var id = text.Trim().ToUpperInvariant();
        return id.Length == 6 && id.StartsWith("TG", StringComparison.Ordinal) && id[2..].All(char.IsAsciiDigit)
            ? id
            : throw new TokenQueryException($"{prefix}finding '{text}' is not a rule id such as TG2001");
    }

    /// <summary>A whole number of days; given more than once, the last one counts (as for every single-valued option).</summary>
    private static int? Days(List<string> values, string name)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var text = values[^1];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MaxDays
            ? days
            : throw new TokenQueryException($"{name} '{text}' is not a number of days from 0 to {MaxDays}");
    }
}

/// <summary>A filter value that cannot be understood: a usage error (exit 64, or 400 from <c>/tokens</c>).</summary>
public sealed class TokenQueryException(string message) : Exception(Safety.ServerText.OneLine(message));
