using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TokenGovernance.TokenDetection
{
    /// <summary>
    /// Finds hard-coded InfluxDB passwords in configuration text (TG1005): keys that name one
    /// (<c>DOCKER_INFLUXDB_INIT_PASSWORD</c>, <c>INFLUXDB_ADMIN_PASSWORD</c>, <c>influx_password</c>), a plain
    /// <c>Password</c> key inside a section whose name says InfluxDB (<c>"InfluxDB": {"Password": …}</c>, YAML alike),
    /// and <c>--password VALUE</c> on a line that runs <c>influx</c>. Sections are followed by indentation, which
    /// pretty-printed JSON and YAML share; placeholders and references (<c>${…}</c>, <c>{{ … }}</c>) are not reported.
    /// One instance per file: it keeps the open sections between lines.
    /// </summary>
    public sealed class ConfigPasswordScanner
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

        private static readonly Regex KeyValue = new Regex(
            @"(?<![\w.-])[""']?(?<key>[A-Za-z_][\w.-]{0,80})[""']?\s*[:=]\s*(?<value>""[^""]*""|'[^']*'|[^\s""',}#;]+)",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex SectionOpen = new Regex(
            @"^\s*-?\s*[""']?(?<key>[A-Za-z_][\w.-]{0,80})[""']?\s*:\s*(\{\s*)?$",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex InlineObjectOpen = new Regex(
            @"^\s*[""']?(?<key>[A-Za-z_][\w.-]{0,80})[""']?\s*:\s*\{",
            RegexOptions.CultureInvariant, Timeout);

        private static readonly Regex CommandLinePassword = new Regex(
            @"(?:--password|--admin-password)(?:=|\s+)(?<value>""[^""]*""|'[^']*'|[^\s""']+)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout);

        private readonly IReadOnlyList<Regex>? _extraPlaceholders;
        private readonly List<(int Indent, bool Influx)> _sections = new List<(int Indent, bool Influx)>();

        public ConfigPasswordScanner(IReadOnlyList<Regex>? extraPlaceholders = null) => _extraPlaceholders = extraPlaceholders;

        /// <summary>Scans the next line of the file; <paramref name="lineNumber"/> is 1-based. Findings hold the secret: mask it.</summary>
        public IEnumerable<ConfigTokenFinding> ScanLine(string line, int lineNumber)
        {
            if (line.Length == 0 || line.Length > ConfigTokenScanner.LongLineLength)
            {
                return Array.Empty<ConfigTokenFinding>();
            }

            var indent = LineText.Indentation(line);
            if (line.Trim().Length > 0)
            {
                while (_sections.Count > 0 && _sections[_sections.Count - 1].Indent >= indent)
                {
                    _sections.RemoveAt(_sections.Count - 1);
                }
            }

            List<ConfigTokenFinding>? findings = null;
            try
            {
                var opened = SectionOpen.Match(line);
                if (opened.Success)
                {
                    _sections.Add((indent, Contains(opened.Groups["key"].Value, "influx")));
                    return Array.Empty<ConfigTokenFinding>();
                }

                // "InfluxDB": { "Url": "…", continued on the next lines: the object stays open below this line.
                var inline = InlineObjectOpen.Match(line);
                if (inline.Success && LineText.Count(line, '{') > LineText.Count(line, '}'))
                {
                    _sections.Add((indent, Contains(inline.Groups["key"].Value, "influx")));
                }

                if (line.IndexOf("password", StringComparison.OrdinalIgnoreCase) < 0 && line.IndexOf("passwd", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    return Array.Empty<ConfigTokenFinding>();
                }

                for (var match = KeyValue.Match(line); match.Success; match = match.NextMatch())
                {
                    var key = match.Groups["key"].Value;
                    if (IsPasswordKey(key, Contains(line.Substring(0, match.Index), "influx")))
                    {
                        AddValue(line, lineNumber, match.Groups["value"], key, ref findings);
                    }
                }

                if (Contains(line, "influx"))
                {
                    for (var match = CommandLinePassword.Match(line); match.Success; match = match.NextMatch())
                    {
                        AddValue(line, lineNumber, match.Groups["value"], "--password", ref findings);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological line is given up, never a crash (the line scan of TG1003 still runs).
            }

            return (IEnumerable<ConfigTokenFinding>?)findings ?? Array.Empty<ConfigTokenFinding>();
        }

        /// <summary>A key naming an InfluxDB password, or a bare password key inside an InfluxDB section.</summary>
        private bool IsPasswordKey(string key, bool influxBefore)
        {
            var normalized = key.Replace("_", string.Empty).Replace("-", string.Empty).Replace(".", string.Empty).ToLowerInvariant();
            var names = normalized.EndsWith("password", StringComparison.Ordinal) || normalized.EndsWith("passwd", StringComparison.Ordinal)
                        || normalized == "pwd";
            if (!names)
            {
                return false;
            }

            if (normalized.Contains("influx"))
            {
                return true;
            }

            if (normalized is "password" or "passwd" or "pwd")
            {
                if (influxBefore)
                {
                    return true;
                }

                foreach (var section in _sections)
                {
                    if (section.Influx)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void AddValue(string line, int lineNumber, Group group, string key, ref List<ConfigTokenFinding>? findings)
        {
            var start = group.Index;
            var value = group.Value;
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                start++;
                value = value.Substring(1, value.Length - 2);
            }

            if (value.Trim().Length == 0 || IsReference(value) || PlaceholderDetector.IsPasswordStandIn(value, _extraPlaceholders))
            {
                return;
            }

            foreach (var existing in findings ?? (IEnumerable<ConfigTokenFinding>)Array.Empty<ConfigTokenFinding>())
            {
                if (existing.Column == start + 1)
                {
                    return;
                }
            }

            (findings ??= new List<ConfigTokenFinding>()).Add(new ConfigTokenFinding(lineNumber, start + 1, value, ConfigTokenEvidence.Key, key, null));
        }

        private static bool IsReference(string value) =>
            value.IndexOf("${", StringComparison.Ordinal) >= 0 || value.IndexOf("{{", StringComparison.Ordinal) >= 0
            || value.IndexOf("$(", StringComparison.Ordinal) >= 0 || value.StartsWith("$", StringComparison.Ordinal)
            || value.StartsWith("/", StringComparison.Ordinal) || value == "{" || value == "[";

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
