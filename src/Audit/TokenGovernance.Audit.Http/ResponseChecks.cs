using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Http;

/// <summary>
/// What a response must hold to count as read: lists and their elements present, every object with its identity,
/// paging that advances. Anything else is a failed read of the target, never an empty or partial success.
/// </summary>
public static class ResponseChecks
{
    public static InfluxApiException Malformed(string call, string problem) =>
        new($"GET /{call} returned malformed data: {problem}");

    /// <summary>The list itself and each of its elements must be there (<c>{"users":null}</c>, <c>[null]</c> are malformed).</summary>
    public static List<T> Elements<T>(string call, string property, List<T>? list)
        where T : class
    {
        if (list is null)
        {
            throw Malformed(call, $"'{property}' is null");
        }

        for (var index = 0; index < list.Count; index++)
        {
            if (list[index] is null)
            {
                throw Malformed(call, $"{property}[{index}] is null");
            }
        }

        return list;
    }

    /// <summary>An object without its id (<c>{}</c>, <c>{"id":null}</c>, <c>""</c>) cannot be audited: it is malformed.</summary>
    public static void Identity(string call, string where, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Malformed(call, $"{where} has no id");
        }
    }

    /// <summary>A list without paging that names an id twice is ambiguous (which one did the server mean?): malformed.</summary>
    public static void Unique(string call, HashSet<string> seen, string id, string what)
    {
        if (!seen.Add(id))
        {
            throw Malformed(call, $"{what} {ServerText.OneLine(id)} is listed twice");
        }
    }

    /// <summary>A page that lists an id again means the server ignores the paging parameter: it would never end.</summary>
    public static void NotRepeated(string call, HashSet<string> seen, string id, string parameter)
    {
        if (!seen.Add(id))
        {
            throw new InfluxApiException(
                $"GET /{call}: paging does not advance ('{ServerText.OneLine(id)}' was listed on an earlier page; the server ignores '{parameter}')");
        }
    }

    public static InfluxApiException TooManyPages(string call, int pages) =>
        new($"{call}: still more pages after {pages:N0} pages; the list was not read to its end");
}
