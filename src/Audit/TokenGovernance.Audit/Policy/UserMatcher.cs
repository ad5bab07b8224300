using System.Text.RegularExpressions;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Policy;

/// <summary>Matches users against a configured list of names, ids and whole-name patterns.</summary>
public sealed class UserMatcher
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _names;
    private readonly HashSet<string> _ids;
    private readonly Regex[] _patterns;
    private readonly string _patternsPath;

    /// <param name="patternsPath">The configuration path of the patterns (<c>TokenGovernance:Policy:GenericUsers:Patterns</c>), named when one times out.</param>
    public UserMatcher(UserMatchOptions options, string patternsPath = "Patterns")
    {
        _names = new HashSet<string>(options.Names, StringComparer.Ordinal);
        _ids = new HashSet<string>(options.Ids, StringComparer.Ordinal);
        _patterns = options.Patterns.Select(Anchor).ToArray();
        _patternsPath = patternsPath;
    }

    public bool IsEmpty => _names.Count == 0 && _ids.Count == 0 && _patterns.Length == 0;

    public bool Matches(string? userId, string? userName) =>
        (userId is not null && _ids.Contains(userId))
        || (userName is not null && (_names.Contains(userName) || MatchesPattern(userName)));

    private bool MatchesPattern(string userName)
    {
        for (var index = 0; index < _patterns.Length; index++)
        {
            try
            {
                if (_patterns[index].IsMatch(userName))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                throw new PatternTimeoutException(
                    $"{_patternsPath}:{index} '{_patterns[index]}' took longer than {MatchTimeout.TotalSeconds:0} s on a user name of "
                    + $"{userName.Length:N0} characters; simplify the pattern (no back-references or look-arounds)");
            }
        }

        return false;
    }

    /// <summary>
    /// Anchors a pattern so that it must match the whole name: <c>svc-.*</c> matches <c>svc-telegraf</c>, not <c>my-svc-x</c>.
    /// Compiled without backtracking where the pattern allows (linear time whatever the name: <c>(a+)+$</c> cannot hang);
    /// patterns that need backtracking (back-references, look-arounds) run with a timeout.
    /// </summary>
    public static Regex Anchor(string pattern)
    {
        var anchored = "^(?:" + pattern + ")$";
        try
        {
            return new Regex(anchored, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(anchored, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }
}

/// <summary>A configured pattern ran out of time on server data: the audit of that target fails and names the pattern.</summary>
public sealed class PatternTimeoutException(string message) : Exception(message);
