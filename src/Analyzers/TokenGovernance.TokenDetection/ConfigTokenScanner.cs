using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TokenGovernance.TokenDetection
{
    /// <summary>
    /// Finds InfluxDB tokens in configuration text (JSON with comments, .env, Telegraf TOML, YAML, XML configs):
    /// any token shape, and non-placeholder values of keys that name a token. Line-based, so positions are exact
    /// and a file of any size streams through without being parsed.
    /// </summary>
    public sealed class ConfigTokenScanner
    {
        private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

        private static readonly Regex[] KeyValuePatterns =
        {
            // JSON / JSON with comments:  "InfluxDB:Token": "value"   (also nested "Token": "value")
            new Regex(@"""(?<key>[^""\r\n]{1,200})""\s*:\s*""(?<value>(?:[^""\\\r\n]|\\.)*)""", Options, RegexTimeout),
            // XML configs: <add key="InfluxToken" value="..."/>
            new Regex(@"\bkey\s*=\s*""(?<key>[^""]{1,200})""\s+value\s*=\s*""(?<value>[^""]*)""", Options, RegexTimeout),
            // XML attributes and TOML: token="..."  /  token = "..."
            new Regex(@"(?<![\w.:-])(?<key>[\w.:-]{0,200}token)\s*=\s*""(?<value>[^""\r\n]*)""", Options, RegexTimeout),
            // .env, shell, properties: INFLUX_TOKEN=value / export INFLUX_TOKEN='value'
            new Regex(@"^\s*(?:export\s+)?(?<key>[A-Za-z_][\w.-]{0,200})\s*=\s*(?<value>'[^']*'|[^\s""'#;][^\s#;]*)", Options, RegexTimeout),
            // YAML: token: value / token: "value"
            new Regex(@"^\s*(?:-\s+)?(?<key>[A-Za-z_][\w.-]{0,200})\s*:\s+(?<value>""[^""]*""|'[^']*'|[^\s""'#{\[|>&*!][^\s#]*)\s*(?:#.*)?$", Options, RegexTimeout),
        };

        /// <summary>The first three patterns are not anchored to the line's start or end: only they can run on a window of a line.</summary>
        private const int UnanchoredPatternCount = 3;

        /// <summary>Lines longer than this are scanned for keys in windows around each token name.</summary>
        public const int LongLineLength = 4096;

        // A key is at most 200 characters before the name's end; no token value is longer than a few hundred.
        private const int WindowBefore = 256;
        private const int WindowAfter = 2048;

        private readonly IReadOnlyCollection<string>? _extraNames;
        private readonly IReadOnlyList<Regex>? _extraPlaceholders;

        public ConfigTokenScanner(IReadOnlyCollection<string>? extraNames = null, IReadOnlyList<Regex>? extraPlaceholders = null)
        {
            _extraNames = extraNames;
            _extraPlaceholders = extraPlaceholders;
        }

        public IEnumerable<ConfigTokenFinding> Scan(string text)
        {
            var lineNumber = 0;
            var lineStart = 0;
            while (lineStart <= text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                lineNumber++;
                var line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
                foreach (var finding in ScanLine(line, lineNumber))
                {
                    yield return finding;
                }

                lineStart = lineEnd + 1;
            }
        }

        /// <summary>Scans one line; <paramref name="lineNumber"/> is 1-based.</summary>
        public IEnumerable<ConfigTokenFinding> ScanLine(string line, int lineNumber)
        {
            if (line.Length == 0)
            {
                return Array.Empty<ConfigTokenFinding>();
            }

            List<ConfigTokenFinding>? findings = null;
            List<(int Start, int End)>? taken = null;

            if (line.Length >= TokenShapeDetector.MinimumTokenLength)
            {
                foreach (var match in TokenShapeDetector.FindAll(line))
                {
                    Add(ref findings, ref taken, new ConfigTokenFinding(
                        lineNumber, match.Start + 1, match.ValueIn(line), ConfigTokenEvidence.Shape, null, match.Shape), match.Start, match.Length);
                }
            }

            if (!MayHoldTokenKey(line))
            {
                return (IEnumerable<ConfigTokenFinding>?)findings ?? Array.Empty<ConfigTokenFinding>();
            }

            if (line.Length <= LongLineLength)
            {
                for (var index = 0; index < KeyValuePatterns.Length; index++)
                {
                    AddKeyValues(KeyValuePatterns[index], line, 0, line.Length, lineNumber, ref findings, ref taken);
                }
            }
            else
            {
                // A minified file is one line of megabytes: the unanchored key patterns run only around the places that
                // name a token, so the work stays linear in the line (a whole-line scan can outlast its timeout). The
                // patterns anchored at the line's start try one position only and run on the whole line.
                for (var index = UnanchoredPatternCount; index < KeyValuePatterns.Length; index++)
                {
                    AddKeyValues(KeyValuePatterns[index], line, 0, line.Length, lineNumber, ref findings, ref taken);
                }

                foreach (var (start, length) in KeyWindows(line))
                {
                    for (var index = 0; index < UnanchoredPatternCount; index++)
                    {
                        AddKeyValues(KeyValuePatterns[index], line, start, length, lineNumber, ref findings, ref taken);
                    }
                }
            }

            var connectionToken = ConnectionStringToken.Find(line);
            if (connectionToken.HasValue && IsFree(taken, connectionToken.Value.Start, connectionToken.Value.Length))
            {
                var value = line.Substring(connectionToken.Value.Start, connectionToken.Value.Length);
                if (!PlaceholderDetector.IsPlaceholder(value, _extraPlaceholders))
                {
                    Add(ref findings, ref taken, new ConfigTokenFinding(
                        lineNumber, connectionToken.Value.Start + 1, value, ConfigTokenEvidence.Key, "token", null),
                        connectionToken.Value.Start, connectionToken.Value.Length);
                }
            }

            return (IEnumerable<ConfigTokenFinding>?)findings ?? Array.Empty<ConfigTokenFinding>();
        }

        private void AddKeyValues(
            Regex pattern, string line, int start, int length, int lineNumber,
            ref List<ConfigTokenFinding>? findings, ref List<(int Start, int End)>? taken)
        {
            try
            {
                for (var match = pattern.Match(line, start, length); match.Success; match = match.NextMatch())
                {
                    var key = match.Groups["key"].Value;
                    var valueGroup = match.Groups["value"];
                    var (valueStart, value) = Unquote(valueGroup.Index, valueGroup.Value);
                    if (IsFree(taken, valueStart, value.Length) && IsTokenValue(key, value))
                    {
                        Add(ref findings, ref taken, new ConfigTokenFinding(
                            lineNumber, valueStart + 1, value, ConfigTokenEvidence.Key, key, null), valueStart, value.Length);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Only a pathological line gets here (the windows keep real ones far from the timeout): its token
                // shapes are still reported above; the key scan of this window is given up rather than crash.
            }
        }

        /// <summary>Merged windows around every occurrence of "token" (and the extra names) in a long line.</summary>
        private IEnumerable<(int Start, int Length)> KeyWindows(string line)
        {
            var positions = new List<int>();
            AddOccurrences(line, "token", positions);
            if (_extraNames is not null)
            {
                foreach (var name in _extraNames)
                {
                    AddOccurrences(line, name, positions);
                }
            }

            positions.Sort();
            var windowStart = -1;
            var windowEnd = -1;
            foreach (var position in positions)
            {
                var start = Math.Max(0, position - WindowBefore);
                var end = Math.Min(line.Length, position + WindowAfter);
                if (windowEnd >= 0 && start <= windowEnd)
                {
                    windowEnd = Math.Max(windowEnd, end);
                    continue;
                }

                if (windowEnd >= 0)
                {
                    yield return (windowStart, windowEnd - windowStart);
                }

                windowStart = start;
                windowEnd = end;
            }

            if (windowEnd >= 0)
            {
                yield return (windowStart, windowEnd - windowStart);
            }
        }

        private static void AddOccurrences(string line, string name, List<int> positions)
        {
            if (name.Length == 0)
            {
                return;
            }

            for (var index = line.IndexOf(name, StringComparison.OrdinalIgnoreCase); index >= 0;
                 index = index + name.Length < line.Length ? line.IndexOf(name, index + name.Length, StringComparison.OrdinalIgnoreCase) : -1)
            {
                positions.Add(index);
            }
        }

        private bool MayHoldTokenKey(string line)
        {
            if (line.IndexOf("token", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            if (_extraNames is not null)
            {
                foreach (var name in _extraNames)
                {
                    if (line.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsTokenValue(string key, string value) =>
            TokenNames.IsTokenKey(key, _extraNames)
            && !PlaceholderDetector.IsPlaceholder(value, _extraPlaceholders)
            && !PlaceholderDetector.IsNonSecretIdentifier(value)
            && !IsTemplateExpression(value);

        // Values that are references, not secrets: Helm/Go templates, shell expansions inside longer text, file paths.
        private static bool IsTemplateExpression(string value) =>
            value.IndexOf("{{", StringComparison.Ordinal) >= 0
            || value.IndexOf("${", StringComparison.Ordinal) >= 0
            || value.IndexOf("$(", StringComparison.Ordinal) >= 0
            || value.StartsWith("/", StringComparison.Ordinal)
            || value.StartsWith("./", StringComparison.Ordinal)
            || value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("false", StringComparison.OrdinalIgnoreCase)
            || value.Equals("null", StringComparison.OrdinalIgnoreCase);

        private static (int Start, string Value) Unquote(int start, string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                return (start + 1, value.Substring(1, value.Length - 2));
            }

            return (start, value);
        }

        private static bool IsFree(List<(int Start, int End)>? taken, int start, int length)
        {
            if (taken is null)
            {
                return true;
            }

            foreach (var range in taken)
            {
                if (start < range.End && start + length > range.Start)
                {
                    return false;
                }
            }

            return true;
        }

        private static void Add(ref List<ConfigTokenFinding>? findings, ref List<(int Start, int End)>? taken, ConfigTokenFinding finding, int start, int length)
        {
            (findings ??= new List<ConfigTokenFinding>()).Add(finding);
            (taken ??= new List<(int Start, int End)>()).Add((start, start + length));
        }
    }
}
