using System.Collections.Generic;

namespace TokenGovernance.TokenDetection
{
    /// <summary>
    /// Finds InfluxDB token shapes in text with one linear pass over maximal runs of URL-safe base64
    /// characters, instead of a regular expression: analyzers see megabyte literals and the reference
    /// scanner hundreds of megabytes of configs, so no backtracking and no allocation per character.
    /// </summary>
    /// <remarks>
    /// v2: <c>(?&lt;![A-Za-z0-9_-])[A-Za-z0-9_-]{85}[AQgw]==(?![A-Za-z0-9_=-])</c>;
    /// v3: <c>apiv3_[A-Za-z0-9_-]{85}[AQgw](?![A-Za-z0-9_-])</c>;
    /// Cloud Dedicated: <c>apiv\d+_[A-Za-z0-9+/_-]{64,}={0,2}</c>. Shorter look-alikes are not tokens.
    /// </remarks>
    public static class TokenShapeDetector
    {
        private const int V2BodyLength = 86;
        private const int V3Length = 92;
        private const int DedicatedMinimumBody = 64;

        /// <summary>Shortest string that can contain any recognised shape; a cheap pre-filter.</summary>
        public const int MinimumTokenLength = 70;

        public static bool ContainsToken(string? text)
        {
            if (text is null || text.Length < MinimumTokenLength)
            {
                return false;
            }

            return TryFindFirst(text, out _);
        }

        /// <summary>True when the whole (trimmed) text is one token shape.</summary>
        public static bool IsToken(string? text)
        {
            if (text is null)
            {
                return false;
            }

            var trimmed = text.Trim();
            return TryFindFirst(trimmed, out var match) && match.Start == 0 && match.Length == trimmed.Length;
        }

        public static IEnumerable<TokenMatch> FindAll(string text)
        {
            if (text is null || text.Length < MinimumTokenLength)
            {
                yield break;
            }

            var index = 0;
            while (TryFindNext(text, ref index, out var match))
            {
                yield return match;
            }
        }

        /// <summary>The first token shape in <paramref name="text"/>, without allocating: the analyzers' hot path.</summary>
        public static bool TryFindFirst(string? text, out TokenMatch match)
        {
            match = default;
            if (text is null || text.Length < MinimumTokenLength)
            {
                return false;
            }

            var index = 0;
            return TryFindNext(text, ref index, out match);
        }

        private static bool TryFindNext(string text, ref int index, out TokenMatch found)
        {
            while (index < text.Length)
            {
                if (!IsUrlSafeBase64(text[index]))
                {
                    index++;
                    continue;
                }

                var runStart = index;
                while (index < text.Length && IsUrlSafeBase64(text[index]))
                {
                    index++;
                }

                var runLength = index - runStart;
                if (runLength < 16)
                {
                    continue;
                }

                var match = Classify(text, runStart, runLength);
                if (match.HasValue)
                {
                    index = match.Value.Start + match.Value.Length;
                    found = match.Value;
                    return true;
                }
            }

            found = default;
            return false;
        }

        private static TokenMatch? Classify(string text, int runStart, int runLength)
        {
            var runEnd = runStart + runLength;

            if (runLength == V2BodyLength
                && IsPaddingChar(text[runEnd - 1])
                && HasPaddingAt(text, runEnd)
                && (runEnd + 2 == text.Length || !IsUrlSafeBase64OrPad(text[runEnd + 2])))
            {
                return new TokenMatch(runStart, V2BodyLength + 2, TokenShape.InfluxV2);
            }

            if (!StartsWithApiVersionPrefix(text, runStart, runEnd, out var prefixLength, out var isVersion3))
            {
                return null;
            }

            if (isVersion3 && runLength == V3Length && IsPaddingChar(text[runEnd - 1]) && !IsDedicatedContinuation(text, runEnd))
            {
                return new TokenMatch(runStart, V3Length, TokenShape.InfluxV3);
            }

            // Cloud Dedicated's base64 flavour is undocumented: accept '+' and '/' inside and up to two '='.
            var end = runEnd;
            while (end < text.Length && (IsUrlSafeBase64(text[end]) || text[end] == '+' || text[end] == '/'))
            {
                end++;
            }

            if (end - runStart - prefixLength < DedicatedMinimumBody)
            {
                return null;
            }

            var padding = 0;
            while (padding < 2 && end < text.Length && text[end] == '=')
            {
                end++;
                padding++;
            }

            return new TokenMatch(runStart, end - runStart, TokenShape.CloudDedicated);
        }

        private static bool IsDedicatedContinuation(string text, int index) =>
            index < text.Length && (text[index] == '+' || text[index] == '/' || text[index] == '=');

        private static bool StartsWithApiVersionPrefix(string text, int start, int end, out int prefixLength, out bool isVersion3)
        {
            prefixLength = 0;
            isVersion3 = false;
            if (end - start < 6
                || text[start] != 'a' || text[start + 1] != 'p' || text[start + 2] != 'i' || text[start + 3] != 'v')
            {
                return false;
            }

            var index = start + 4;
            while (index < end && text[index] >= '0' && text[index] <= '9')
            {
                index++;
            }

            if (index == start + 4 || index >= end || text[index] != '_')
            {
                return false;
            }

            isVersion3 = index == start + 5 && text[start + 4] == '3';
            prefixLength = index + 1 - start;
            return true;
        }

        private static bool HasPaddingAt(string text, int index) =>
            index + 1 < text.Length && text[index] == '=' && text[index + 1] == '=';

        /// <summary>The last base64 character before <c>==</c> of a 64-byte value carries 2 data bits only.</summary>
        private static bool IsPaddingChar(char c) => c == 'A' || c == 'Q' || c == 'g' || c == 'w';

        private static bool IsUrlSafeBase64OrPad(char c) => IsUrlSafeBase64(c) || c == '=';

        /// <summary>A–Z, a–z, 0–9, '-' and '_': one table lookup (the reference scan asks it of every character of a line).</summary>
        public static bool IsUrlSafeBase64(char c) => c < 128 && UrlSafeBase64[c];

        private static readonly bool[] UrlSafeBase64 = BuildUrlSafeBase64();

        private static bool[] BuildUrlSafeBase64()
        {
            var table = new bool[128];
            for (var c = 0; c < table.Length; c++)
            {
                table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            }

            return table;
        }
    }
}
