using System.Text.RegularExpressions;
using TokenGovernance.AuditWorker.Configuration;

namespace TokenGovernance.AuditWorker.Policy;

/// <summary>Matches users against a configured list of names, ids and whole-name patterns.</summary>
public sealed class UserMatcher
{
    private readonly HashSet<string> _names;
    private readonly HashSet<string> _ids;
    private readonly Regex[] _patterns;

    public UserMatcher(UserMatchOptions options)
    {
        _names = new HashSet<string>(options.Names, StringComparer.Ordinal);
        _ids = new HashSet<string>(options.Ids, StringComparer.Ordinal);
        _patterns = options.Patterns.Select(Anchor).ToArray();
    }

    public bool IsEmpty => _names.Count == 0 && _ids.Count == 0 && _patterns.Length == 0;

    public bool Matches(string? userId, string? userName) =>
        (userId is not null && _ids.Contains(userId))
        || (userName is not null && (_names.Contains(userName) || _patterns.Any(pattern => pattern.IsMatch(userName))));

    /// <summary>Anchors a pattern so that it must match the whole name: <c>svc-.*</c> matches <c>svc-telegraf</c>, not <c>my-svc-x</c>.</summary>
    public static Regex Anchor(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
