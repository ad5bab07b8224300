using System.Text;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.Safety;

/// <summary>
/// The one place where text that came from outside the process (an InfluxDB or Kubernetes response, a file, an
/// exception's message) becomes text the process keeps or shows: the token values the caller knows are replaced,
/// every InfluxDB token shape is masked to its fingerprint, and the length is bounded. Reports, logs, the store and
/// error lines only ever see text that went through here; <see cref="TerminalText"/> then escapes it for text outputs.
/// </summary>
public static class ServerText
{
    /// <summary>Longest free text kept from a server (a description, a name): enough for any real one.</summary>
    public const int MaxLength = 1024;

    /// <summary>Longest one-line message kept from a server (an error message, a reason phrase).</summary>
    public const int MaxLineLength = 300;

    /// <summary>What replaces a known secret (the audit token, a value being probed) wherever it shows up.</summary>
    public const string KnownSecretMarker = "[token]";

    /// <summary>
    /// Free text for any output: <paramref name="knownSecret"/> replaced, token shapes masked, at most
    /// <see cref="MaxLength"/> characters. Line breaks stay (JSON escapes them; text outputs escape them through
    /// <see cref="TerminalText"/>). Returns the same instance when nothing had to change.
    /// </summary>
    public static string? Clean(string? text, string? knownSecret = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (!string.IsNullOrEmpty(knownSecret) && text.Length >= knownSecret.Length && text.Contains(knownSecret, StringComparison.Ordinal))
        {
            text = text.Replace(knownSecret, KnownSecretMarker, StringComparison.Ordinal);
        }

        if (TokenShapeDetector.ContainsToken(text))
        {
            text = MaskShapes(text);
        }

        return text.Length > MaxLength ? text[..MaxLength] + "…" : text;
    }

    /// <summary>
    /// A one-line message: <see cref="Clean"/>, then every line break, tab and control character folded into one
    /// space, trimmed, at most <see cref="MaxLineLength"/> characters. For error messages and reason phrases.
    /// </summary>
    public static string OneLine(string? text, string? knownSecret = null)
    {
        var cleaned = Clean(text, knownSecret) ?? string.Empty;
        var builder = new StringBuilder(Math.Min(cleaned.Length, MaxLineLength + 1));
        var pendingSpace = false;
        foreach (var character in cleaned)
        {
            if (char.IsControl(character) || char.IsWhiteSpace(character) || TerminalText.IsFormatControl(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
            if (builder.Length > MaxLineLength)
            {
                break;
            }
        }

        return builder.Length > MaxLineLength ? builder.ToString(0, MaxLineLength) + "…" : builder.ToString();
    }

    /// <summary>
    /// <see cref="OneLine(string?, string?)"/> for text about a call that carried several secrets (a request's
    /// <c>Authorization</c> value and the password inside it): each is replaced before the shapes are masked.
    /// </summary>
    public static string OneLine(string? text, IReadOnlyList<string> knownSecrets)
    {
        // Longest first: a password inside a Basic pair must not leave the rest of the pair behind.
        foreach (var secret in knownSecrets.Where(secret => secret.Length > 0).OrderByDescending(secret => secret.Length))
        {
            text = text?.Replace(secret, KnownSecretMarker, StringComparison.Ordinal);
        }

        return OneLine(text);
    }

    /// <summary>Every token shape in <paramref name="text"/> replaced by <c>[token 1a2b3c4d]</c> (its fingerprint).</summary>
    public static string MaskShapes(string text)
    {
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (var match in TokenShapeDetector.FindAll(text))
        {
            builder.Append(text, last, match.Start - last)
                .Append("[token ").Append(TokenRedaction.Fingerprint(match.ValueIn(text))).Append(']');
            last = match.Start + match.Length;
        }

        return last == 0 ? text : builder.Append(text, last, text.Length - last).ToString();
    }
}
