using System.Globalization;
using System.Text;

namespace TokenGovernance.Audit.Safety;

/// <summary>
/// Text for a terminal (the table report, stderr, plain logs): control characters become visible escapes, so a
/// user name or a server message can neither move the cursor, retitle the window, clear the screen nor start a
/// line of its own (a forged <c>Summary: 0 critical</c>). JSON and SARIF escape by themselves and do not need this.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var index = first; index < text.Length; index++)
        {
            var character = text[index];
            if (!IsUnsafe(character))
            {
                builder.Append(character);
                continue;
            }

            builder.Append(character switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u001b' => "\\e",
                _ => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, and the Unicode format controls that reorder or hide text (bidi overrides, zero-width).</summary>
    public static bool IsUnsafe(char character) => char.IsControl(character) || IsFormatControl(character);

    public static bool IsFormatControl(char character) =>
        character is '\u200b' or '\u200e' or '\u200f' or '\u2028' or '\u2029' or '\ufeff'
        || character is >= '\u202a' and <= '\u202e'
        || character is >= '\u2066' and <= '\u2069';

    private static int IndexOfUnsafe(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (IsUnsafe(text[index]))
            {
                return index;
            }
        }

        return -1;
    }
}
