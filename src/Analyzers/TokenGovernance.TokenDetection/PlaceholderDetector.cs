using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TokenGovernance.TokenDetection
{
    /// <summary>Answers "is this value a stand-in rather than a secret?" for code and configuration values.</summary>
    public static class PlaceholderDetector
    {
        private static readonly Regex BuiltInPlaceholder = new Regex(
            @"^(?:<[^<>]*>|\$\{[^{}]*\}|\$\([^()]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{\{.*\}\}|#\{[^{}]*\}#?|\{[A-Za-z_][A-Za-z0-9_ .-]*\})$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline,
            System.TimeSpan.FromSeconds(1));

        // Words documentation and templates put where a value goes: "your-token", "...", "xxxx", "replace-me", "TODO".
        private static readonly Regex PlaceholderWords = new Regex(
            @"^(?:your[-_ ]?[a-z0-9_-]*|\.{3,}|\u2026|x{3,}|\*{3,}|(?:replace|change)[-_ ]?(?:me|it)|todo|tbd|fixme|insert[-_ ][a-z0-9_ -]*|put[-_ ]your[a-z0-9_ -]*)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            System.TimeSpan.FromSeconds(1));

        private static readonly Regex EnvironmentVariableName = new Regex(
            @"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

        private static readonly Regex ConfigurationKey = new Regex(
            @"^[A-Za-z][A-Za-z0-9_.-]*(?::[A-Za-z0-9_.-]+)+$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

        private static readonly Regex HexIdentifier = new Regex(
            @"^[0-9a-f]{16}$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

        /// <summary>Empty, whitespace, or a template placeholder such as <c>&lt;token&gt;</c>, <c>${TOKEN}</c>, <c>$TOKEN</c>, <c>%TOKEN%</c>, <c>{{ token }}</c>, <c>{your_token}</c>.</summary>
        public static bool IsPlaceholder(string? value, IReadOnlyList<Regex>? extraPatterns = null)
        {
            if (value is null)
            {
                return true;
            }

            var trimmed = value.Trim().Trim('"', '\'');
            if (trimmed.Length == 0 || BuiltInPlaceholder.IsMatch(trimmed) || PlaceholderWords.IsMatch(trimmed))
            {
                return true;
            }

            if (extraPatterns is not null)
            {
                foreach (var pattern in extraPatterns)
                {
                    if (MatchesWithinTimeout(pattern, trimmed))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A user's pattern (<c>tokengovernance.placeholder_patterns</c>) that runs out of time on a value does not make
        /// it a placeholder: the value is reported as the token it may be, instead of the analyzer crashing (AD0001).
        /// </summary>
        private static bool MatchesWithinTimeout(Regex pattern, string value)
        {
            try
            {
                return pattern.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>
        /// Compiles a user's placeholder pattern: without backtracking where the runtime offers it (.NET 7 and later,
        /// so <c>(a+)+$</c> runs in linear time), otherwise with a timeout. Null for an invalid pattern.
        /// </summary>
        public static Regex? CompileUserPattern(string pattern)
        {
            const RegexOptions NonBacktracking = (RegexOptions)0x400;
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant | NonBacktracking, UserPatternTimeout);
            }
            catch (ArgumentOutOfRangeException)
            {
                // .NET Framework (Visual Studio's analyzer host) has no non-backtracking engine.
            }
            catch (NotSupportedException)
            {
                // Back-references and look-arounds need the backtracking engine.
            }
            catch (ArgumentException)
            {
                return null;
            }

            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, UserPatternTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// Prose, not a token: three or more words separated by spaces (<c>"Export as an environment variable"</c>). No
        /// InfluxDB token has a space; a password may, so the password rule does not use this.
        /// </summary>
        public static bool IsProse(string value)
        {
            var words = 0;
            foreach (var word in value.Trim().Split(' '))
            {
                if (word.Length == 0)
                {
                    continue;
                }

                foreach (var character in word)
                {
                    if (!char.IsLetter(character) && character != ',' && character != '.' && character != '\'' && character != '-')
                    {
                        return false;
                    }
                }

                words++;
            }

            return words >= 3;
        }

        private static readonly Regex PasswordPlaceholder = new Regex(
            @"^(change[-_ ]?me|change[-_ ]?it|password|passw0rd|pass|secret|your[-_ ]?\w*|my[-_ ]?password|<[^>]*>|\*+|x+)$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, System.TimeSpan.FromMilliseconds(100));

        /// <summary>
        /// Passwords that are not secrets but placeholders of one (<c>changeme</c>, <c>password</c>, <c>your_password</c>,
        /// <c>&lt;password&gt;</c>, <c>****</c>), besides everything <see cref="IsPlaceholder"/> says.
        /// </summary>
        public static bool IsPasswordPlaceholder(string value, IReadOnlyList<Regex>? extraPatterns = null) =>
            IsPlaceholder(value, extraPatterns) || PasswordPlaceholder.IsMatch(value.Trim());

        /// <summary>
        /// Not a password to report (TG1005): a placeholder of one (<see cref="IsPasswordPlaceholder"/>) or a name of where
        /// one lives (<see cref="IsNonSecretIdentifier"/>). Prose is not excluded: a passphrase is words.
        /// </summary>
        public static bool IsPasswordStandIn(string value, IReadOnlyList<Regex>? extraPatterns = null) =>
            IsPasswordPlaceholder(value, extraPatterns) || IsNonSecretIdentifier(value);

        private static readonly System.TimeSpan UserPatternTimeout = System.TimeSpan.FromMilliseconds(200);

        /// <summary>
        /// True for values that are not secrets but names of where a secret lives or of other InfluxDB objects:
        /// environment-variable names (<c>INFLUX_TOKEN</c>), configuration keys (<c>InfluxDB:Token</c>),
        /// 16-hex org/bucket/authorization ids, and URLs that carry no <c>token=</c> value.
        /// </summary>
        public static bool IsNonSecretIdentifier(string value)
        {
            var trimmed = value.Trim();
            if (EnvironmentVariableName.IsMatch(trimmed) || ConfigurationKey.IsMatch(trimmed) || HexIdentifier.IsMatch(trimmed))
            {
                return true;
            }

            return LooksLikeUrl(trimmed) && ConnectionStringToken.Find(trimmed) is null;
        }

        private static bool LooksLikeUrl(string value) =>
            value.StartsWith("http://", System.StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase);
    }
}
