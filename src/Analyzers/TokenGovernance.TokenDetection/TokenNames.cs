using System;
using System.Collections.Generic;
using System.Text;

namespace TokenGovernance.TokenDetection
{
    /// <summary>Answers "does this identifier or configuration key name an InfluxDB token?".</summary>
    public static class TokenNames
    {
        // Prefixes that, before "token", still mean an InfluxDB API token in code that uses InfluxDB.
        private static readonly HashSet<string> TokenPrefixes = new HashSet<string>(StringComparer.Ordinal)
        {
            "", "api", "auth", "admin", "write", "read", "operator", "access", "service", "bearer", "secret",
            "init", "initadmin", "db", "database", "my", "the", "default",
        };

        // Tokens that are not InfluxDB API tokens, even in an InfluxDB project.
        private static readonly string[] ForeignMarkers =
        {
            "cancellation", "csrf", "xsrf", "antiforgery", "requestverification", "refresh", "slack", "pagerduty",
            "webhook", "github", "gitlab", "discord", "telegram", "twilio", "stripe", "jwt", "continuation",
            "paging", "nexttoken", "pagetoken", "idtoken", "tokentype", "teams", "opsgenie", "sentry", "npm", "nuget",
        };

        /// <summary>True for names such as <c>token</c>, <c>influxToken</c>, <c>InfluxDbToken</c>, <c>INFLUX_TOKEN</c>, <c>apiToken</c>.</summary>
        public static bool IsTokenName(string? name, IReadOnlyCollection<string>? extraNames = null)
        {
            if (name is null || name.Length == 0)
            {
                return false;
            }

            // Fast exit for the common case: most identifiers have nothing to do with tokens.
            if ((extraNames is null || extraNames.Count == 0) && name.IndexOf("oken", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var normalized = Normalize(name);
            if (extraNames is not null)
            {
                foreach (var extra in extraNames)
                {
                    if (string.Equals(Normalize(extra), normalized, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            if (!normalized.EndsWith("token", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var marker in ForeignMarkers)
            {
                if (normalized.IndexOf(marker, StringComparison.Ordinal) >= 0)
                {
                    return false;
                }
            }

            var prefix = normalized.Substring(0, normalized.Length - "token".Length);
            return prefix.IndexOf("influx", StringComparison.Ordinal) >= 0 || TokenPrefixes.Contains(prefix);
        }

        /// <summary>
        /// For configuration keys (<c>InfluxDB:Token</c>, <c>TokenGovernance__Targets__0__Token</c>, <c>influx.token</c>):
        /// the last segment names a token, or the whole key speaks of influx and ends in token.
        /// </summary>
        public static bool IsTokenKey(string? key, IReadOnlyCollection<string>? extraNames = null)
        {
            if (key is null || key.Length == 0
                || ((extraNames is null || extraNames.Count == 0) && key.IndexOf("oken", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return false;
            }

            var lastSegment = LastSegment(key);
            if (IsTokenName(lastSegment, extraNames))
            {
                return true;
            }

            var normalized = Normalize(key);
            return normalized.EndsWith("token", StringComparison.Ordinal)
                && normalized.IndexOf("influx", StringComparison.Ordinal) >= 0
                && IsTokenName("influx" + lastSegment, extraNames);
        }

        /// <summary>
        /// A key that does not say "token" but holds one when it belongs to InfluxDB: <c>ApiKey</c>, <c>AuthKey</c>,
        /// <c>Secret</c>, <c>AccessKey</c> under an InfluxDB section (<paramref name="inInfluxSection"/>) or in a key that
        /// names it (<c>Influx:ApiKey</c>, <c>INFLUX_API_KEY</c>).
        /// </summary>
        public static bool IsInfluxCredentialKey(string? key, bool inInfluxSection)
        {
            if (key is null || key.Length == 0)
            {
                return false;
            }

            var last = Normalize(LastSegment(key));
            var whole = Normalize(key);
            var credential = last is "apikey" or "authkey" or "secret" or "secretkey" or "accesskey" or "key"
                             || whole.EndsWith("apikey", StringComparison.Ordinal) || whole.EndsWith("authkey", StringComparison.Ordinal);
            return credential && (inInfluxSection || whole.IndexOf("influx", StringComparison.Ordinal) >= 0);
        }

        /// <summary>True when the identifier mentions influx in any casing or separator style.</summary>
        public static bool MentionsInflux(string? name) =>
            name is not null && name.IndexOf("influx", StringComparison.OrdinalIgnoreCase) >= 0;

        private static string LastSegment(string key)
        {
            var cut = key.Length;
            for (var i = key.Length - 1; i >= 0; i--)
            {
                var c = key[i];
                if (c == ':' || c == '.' || c == '/' || (c == '_' && i > 0 && key[i - 1] == '_'))
                {
                    cut = i;
                    break;
                }
            }

            return cut == key.Length ? key : key.Substring(cut + 1);
        }

        private static string Normalize(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}
