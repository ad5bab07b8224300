namespace TokenGovernance.TokenDetection
{
    /// <summary>Finds the <c>token=</c> value in an InfluxDB connection string or URL query (both clients accept one).</summary>
    /// <remarks>
    /// A scan from each <c>token</c> in the text, not a regular expression over all of it: a minified configuration is
    /// one line of megabytes, and a pattern tried at every position of it outran its match timeout on a busy build
    /// machine (the analyzer then failed with AD0001 instead of reporting). The grammar is that of
    /// <c>(?:^|[?&amp;;\s])(?:token|authToken)\s*=\s*(?&lt;value&gt;[^;&amp;\s"']+)</c>, case-insensitive, first match.
    /// </remarks>
    public static class ConnectionStringToken
    {
        private const string Token = "token";
        private const string Auth = "auth";

        /// <summary>The token value's position, or null when the text has no non-empty <c>token=</c> parameter.</summary>
        public static (int Start, int Length)? Find(string text)
        {
            for (var at = text.IndexOf(Token, System.StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(Token, at + 1, System.StringComparison.OrdinalIgnoreCase))
            {
                var named = StartsParameter(text, at) || (AuthBefore(text, at) && StartsParameter(text, at - Auth.Length));
                if (named && ValueAfter(text, at + Token.Length) is { } value)
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary><c>authToken</c>: <c>auth</c> (any case) right before the <c>token</c> at <paramref name="index"/>.</summary>
        private static bool AuthBefore(string text, int index) =>
            index >= Auth.Length && string.Compare(text, index - Auth.Length, Auth, 0, Auth.Length, System.StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>A parameter name starts at the start of the text or after <c>?</c>, <c>&amp;</c>, <c>;</c> or a blank.</summary>
        private static bool StartsParameter(string text, int index) =>
            index == 0 || text[index - 1] is '?' or '&' or ';' || char.IsWhiteSpace(text[index - 1]);

        /// <summary>After the name: blanks, <c>=</c>, blanks, then a non-empty run of value characters.</summary>
        private static (int Start, int Length)? ValueAfter(string text, int index)
        {
            index = SkipBlanks(text, index);
            if (index >= text.Length || text[index] != '=')
            {
                return null;
            }

            var start = SkipBlanks(text, index + 1);
            var end = start;
            while (end < text.Length && text[end] is not (';' or '&' or '"' or '\'') && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            return end > start ? (start, end - start) : ((int, int)?)null;
        }

        private static int SkipBlanks(string text, int index)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            return index;
        }
    }
}
