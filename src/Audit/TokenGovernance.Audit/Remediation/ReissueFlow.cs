using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// The names a re-issue leaves behind. The new token's description says where it came from; the old token's
/// description is marked with the new token's id and the time of the re-issue, which is what schedules its
/// deactivation (the server's own record, so no plan re-issues a token twice); the previous value of each rewired
/// reference stays beside it under <see cref="PreviousSuffix"/> until the old token is retired.
/// </summary>
public static partial class ReissueFlow
{
    /// <summary>Appended to a file's name or a Secret key's: where the value a re-issue replaced waits for the old token's retirement.</summary>
    public const string PreviousSuffix = Model.ReferenceSources.PreviousCopySuffix;

    public const string Action = "reissue";

    /// <summary>The journal's action for undoing a re-issue.</summary>
    public const string UndoAction = "undo-reissue";

    public static string NewDescription(string? oldDescription, string oldId) =>
        string.IsNullOrWhiteSpace(oldDescription) ? $"(re-issued from {oldId})" : $"{oldDescription} (re-issued from {oldId})";

    /// <summary>The old token's description once re-issued: <c>&lt;description&gt; (re-issued as &lt;id&gt; at &lt;UTC time&gt;)</c>.</summary>
    public static string Mark(string? oldDescription, string newId, DateTimeOffset at)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"(re-issued as {newId} at {at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})");
        return string.IsNullOrWhiteSpace(oldDescription) ? marker : $"{oldDescription} {marker}";
    }

    /// <summary>Whether the description carries a re-issue mark, and which token and when.</summary>
    public static bool TryReadMark(string? description, out string newId, out DateTimeOffset at)
    {
        newId = string.Empty;
        at = default;
        if (description is null || MarkPattern().Match(description) is not { Success: true } match)
        {
            return false;
        }

        newId = match.Groups["id"].Value;
        return DateTimeOffset.TryParseExact(match.Groups["at"].Value, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
    }

    /// <summary>Whether a reference's location is a previous copy (<c>path.tokengov-previous:1</c>, <c>ns/name#key.tokengov-previous</c>).</summary>
    public static bool IsPreviousCopy(string location) =>
        location.Contains(PreviousSuffix + ":", StringComparison.Ordinal) || location.EndsWith(PreviousSuffix, StringComparison.Ordinal);

    [GeneratedRegex(@"\(re-issued as (?<id>[^ ()]{1,64}) at (?<at>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkPattern();
}
