using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    internal enum TokenCandidateKind
    {
        /// <summary>A run of 64 URL-safe base64 characters, or "apiv": where a token shape may start.</summary>
        Run,

        /// <summary>A '+' with a string literal's closing quote before it and an opening quote after it.</summary>
        Concatenation,
    }

    /// <summary>
    /// The places of a source text where TG1001 can find something, from the text alone: every InfluxDB token shape holds
    /// a run of at least 64 URL-safe base64 characters (v2, v3) or starts with <c>apiv</c> (v3, Dedicated), and a token
    /// split over literals needs a '+' between two of them. A run of 64 covers one of every 32nd position, so only those
    /// are looked at first; '+' and "apiv" are searched with the runtime's vectorised IndexOf.
    /// </summary>
    internal static class TokenCandidates
    {
        private const int RunLength = 64;
        private const int Stride = RunLength / 2;

        public static IEnumerable<(int Position, TokenCandidateKind Kind)> In(SourceText source) => In(source.ToString());

        public static IEnumerable<(int Position, TokenCandidateKind Kind)> In(string text)
        {
            var coveredUntil = -1;
            for (var sample = Stride - 1; sample < text.Length; sample += Stride)
            {
                if (sample <= coveredUntil || !TokenShapeDetector.IsUrlSafeBase64(text[sample]))
                {
                    continue;
                }

                var start = sample;
                while (start > 0 && TokenShapeDetector.IsUrlSafeBase64(text[start - 1]))
                {
                    start--;
                }

                var end = sample + 1;
                while (end < text.Length && TokenShapeDetector.IsUrlSafeBase64(text[end]))
                {
                    end++;
                }

                coveredUntil = end;
                if (end - start >= RunLength)
                {
                    yield return (start, TokenCandidateKind.Run);
                }
            }

            for (var index = text.IndexOf("apiv", StringComparison.Ordinal); index >= 0; index = text.IndexOf("apiv", index + 4, StringComparison.Ordinal))
            {
                if (index == 0 || !TokenShapeDetector.IsUrlSafeBase64(text[index - 1]))
                {
                    yield return (index, TokenCandidateKind.Run);
                }
            }

            for (var index = text.IndexOf('+'); index >= 0; index = text.IndexOf('+', index + 1))
            {
                if (IsQuoteBefore(text, index) && IsQuoteAfter(text, index))
                {
                    yield return (index, TokenCandidateKind.Concatenation);
                }
            }
        }

        // "…" + "…", "…"u8 + …, @"…" and $"…" on the right; whitespace and line breaks between.
        private static bool IsQuoteBefore(string text, int index)
        {
            for (var position = index - 1; position >= 0; position--)
            {
                var character = text[position];
                if (!char.IsWhiteSpace(character))
                {
                    return character == '"' || (character == '8' && position >= 2 && text[position - 1] == 'u' && text[position - 2] == '"') || character == ')';
                }
            }

            return false;
        }

        private static bool IsQuoteAfter(string text, int index)
        {
            for (var position = index + 1; position < text.Length; position++)
            {
                var character = text[position];
                if (!char.IsWhiteSpace(character))
                {
                    return character == '"' || character == '@' || character == '$' || character == '(';
                }
            }

            return false;
        }
    }
}
