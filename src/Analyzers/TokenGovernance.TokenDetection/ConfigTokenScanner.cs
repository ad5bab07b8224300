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

            foreach (var pattern in KeyValuePatterns)
            {
                foreach (Match match in pattern.Matches(line))
                {
                    var key = match.Groups["key"].Value;
                    var valueGroup = match.Groups["value"];
                    var (start, value) = Unquote(valueGroup.Index, valueGroup.Value);
                    if (IsFree(taken, start, value.Length) && IsTokenValue(key, value))
                    {
                        Add(ref findings, ref taken, new ConfigTokenFinding(
                            lineNumber, start + 1, value, ConfigTokenEvidence.Key, key, null), start, value.Length);
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
