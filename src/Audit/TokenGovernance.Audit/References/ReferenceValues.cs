using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.References;

/// <summary>Finds again, in a reference's text, the value the audit saw there: by its fingerprint, among what the sources would find.</summary>
public static class ReferenceValues
{
    private static readonly ConfigTokenScanner Scanner = new();

    /// <summary>The value in <paramref name="text"/> whose fingerprint is <paramref name="fingerprint"/> (a token shape, a token key's value, or the whole trimmed text); else null.</summary>
    public static string? Find(string text, string fingerprint)
    {
        // A UTF-8 byte order mark is not white space: the first line's key would not be seen behind it.
        text = WithoutByteOrderMark(text);
        foreach (var finding in Scanner.Scan(text))
        {
            if (TokenRedaction.Fingerprint(finding.Value) == fingerprint)
            {
                return finding.Value;
            }
        }

        var whole = text.Trim();
        return whole.Length > 0 && TokenRedaction.Fingerprint(whole) == fingerprint ? whole : null;
    }

    /// <summary>The text as the scanner should see it: a leading byte order mark (U+FEFF) read as the space it stands for.</summary>
    public static string WithoutByteOrderMark(string text) => text.Length > 0 && text[0] == '\uFEFF' ? " " + text[1..] : text;
}
