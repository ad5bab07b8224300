using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.References;

/// <summary>Finds again, in a reference's text, the value the audit saw there: by its fingerprint, among what the sources would find.</summary>
public static class ReferenceValues
{
    private static readonly ConfigTokenScanner Scanner = new();

    /// <summary>Whether <paramref name="text"/> still holds the value with <paramref name="fingerprint"/> (none known: it cannot be told, so no).</summary>
    public static bool Holds(string text, string? fingerprint) => fingerprint is not null && Find(text, fingerprint) is not null;

    /// <summary>The value in <paramref name="text"/> whose fingerprint is <paramref name="fingerprint"/> (a token shape, a token key's value, or the whole trimmed text); else null.</summary>
    public static string? Find(string text, string fingerprint)
    {
        foreach (var finding in Scanner.Scan(text))
        {
            if (TokenRedaction.Fingerprint(finding.Value) == fingerprint)
            {
                return finding.Value;
            }
        }

        // A leading byte order mark (U+FEFF) is no part of a bare value, and Trim() does not take it for white space.
        var whole = text.TrimStart('\uFEFF').Trim();
        return whole.Length > 0 && TokenRedaction.Fingerprint(whole) == fingerprint ? whole : null;
    }
}
