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
    /// split over literals needs a '+' between two of them.
    /// </summary>
    internal static class TokenCandidates
    {
        private const int RunLength = 64;

        public static IEnumerable<(int Position, TokenCandidateKind Kind)> In(SourceText source) => In(source.ToString());

        /// <summary>Over the text as one string (a SourceText's indexer is a virtual call per character).</summary>
        public static IEnumerable<(int Position, TokenCandidateKind Kind)> In(string text)
        {
            var run = 0;
            for (var index = 0; index < text.Length; index++)
            {
                var character = text[index];
                if (TokenShapeDetector.IsUrlSafeBase64(character))
                {
                    run++;
                    if (run == RunLength)
                    {
                        yield return (index - RunLength + 1, TokenCandidateKind.Run);
                    }
                    else if (run == 4 && character == 'v' && text[index - 1] == 'i' && text[index - 2] == 'p' && text[index - 3] == 'a')
                    {
                        yield return (index - 3, TokenCandidateKind.Run);
                    }

                    continue;
                }

                run = 0;
                if (character == '+' && IsQuoteBefore(text, index) && IsQuoteAfter(text, index))
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
