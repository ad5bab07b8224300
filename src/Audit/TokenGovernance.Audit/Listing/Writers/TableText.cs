using System.Globalization;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>Cell text for the token tables: escaped for the terminal, cut to a width, ages in a few characters.</summary>
internal static class TableText
{
    public static string Cell(string? text, int width)
    {
        var escaped = TerminalText.Escape(text ?? string.Empty);
        return escaped.Length <= width ? escaped : escaped[..(width - 1)] + "…";
    }

    /// <summary><c>5h</c>, <c>12d</c>, <c>3y</c>: the largest unit that reads well; <c>-</c> when the date is unknown.</summary>
    public static string Age(DateTimeOffset? since, DateTimeOffset now)
    {
        if (since is not { } start)
        {
            return "-";
        }

        var age = now - start;
        return age.TotalDays switch
        {
            < 1 => Math.Max(0, (int)age.TotalHours).ToString(CultureInfo.InvariantCulture) + "h",
            < 730 => ((int)age.TotalDays).ToString(CultureInfo.InvariantCulture) + "d",
            _ => ((int)(age.TotalDays / 365.25)).ToString(CultureInfo.InvariantCulture) + "y",
        };
    }

    /// <summary><c>alice (inactive)</c>; the state alone when the name is unknown; <c>-</c> without an owner.</summary>
    public static string Owner(TokenRecord token)
    {
        var name = token.OwnerName ?? token.OwnerId;
        if (name is null)
        {
            return "-";
        }

        var state = token.OwnerKind == OwnerKinds.Deleted ? "deleted" : token.OwnerStatus is "inactive" ? "inactive" : null;
        var kind = token.OwnerKind is OwnerKinds.Generic or OwnerKinds.Admin ? token.OwnerKind : null;
        var notes = string.Join(", ", new[] { kind, state }.Where(note => note is not null));
        return notes.Length == 0 ? name : $"{name} ({notes})";
    }
}
