using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
            // Command lines (compose command:, entrypoint:, scripts): --token VALUE, --token=VALUE
            new Regex(@"(?<![\w-])--(?<key>token)(?:=|[ \t]+)(?<value>[^\s""'\[\],]+)", Options, RegexTimeout),
            // ... and as JSON/YAML array items: ["influx", "write", "--token", "VALUE"]
            new Regex(@"(?<![\w-])[""']--(?<key>token)[""']\s*,\s*[""'](?<value>[^""'\r\n]+)[""']", Options, RegexTimeout),
            // JSON / JSON with comments:  "InfluxDB:Token": "value"   (also nested "Token": "value")
            new Regex(@"""(?<key>[^""\r\n]{1,200})""\s*:\s*""(?<value>(?:[^""\\\r\n]|\\.)*)""", Options, RegexTimeout),
            // XML configs: <add key="InfluxToken" value="..."/>
            new Regex(@"\bkey\s*=\s*""(?<key>[^""]{1,200})""\s+value\s*=\s*""(?<value>[^""]*)""", Options, RegexTimeout),
            // XML attributes and TOML: token="..."  /  token = "..."
            new Regex(@"(?<![\w.:-])(?<key>[\w.:-]{0,200}token)\s*=\s*""(?<value>[^""\r\n]*)""", Options, RegexTimeout),
            // .env, shell, properties, compose environment lists: INFLUX_TOKEN=value / export INFLUX_TOKEN='value' / - INFLUX_TOKEN=value
            new Regex(@"^\s*(?:-\s+)?(?:export\s+)?(?<key>[A-Za-z_][\w.-]{0,200})\s*=\s*(?<value>'[^']*'|[^\s""'#;][^\s#;]*)", Options, RegexTimeout),
            // YAML: token: value / token: "value"
            new Regex(@"^\s*(?:-\s+)?(?<key>[A-Za-z_][\w.-]{0,200})\s*:\s+(?<value>""[^""]*""|'[^']*'|[^\s""'#{\[|>&*!][^\s#]*)\s*(?:#.*)?$", Options, RegexTimeout),
        };

        /// <summary>The first five patterns are not anchored to the line's start or end: only they can run on a window of a line.</summary>
        private const int UnanchoredPatternCount = 5;

        // Kubernetes env entries: "- name: InfluxDB__Token" then "value: …" on the next line.
        private static readonly Regex EnvEntryName = new Regex(@"^\s*-\s+name:\s*[""']?(?<name>[\w.:-]{1,200})[""']?\s*$", Options, RegexTimeout);
        private static readonly Regex EnvEntryValue = new Regex(@"^\s*value:\s*(?<value>""[^""]*""|'[^']*'|[^\s""'#][^\s#]*)\s*(?:#.*)?$", Options, RegexTimeout);

        // A section opened on its own line ("InfluxDB": {  /  influx:) or inline and continued below ("InfluxDB": { "Url": …).
        private static readonly Regex SectionOpen = new Regex(@"^\s*-?\s*[""']?(?<key>[A-Za-z_][\w.-]{0,80})[""']?\s*:\s*(?<brace>\{)?", Options, RegexTimeout);

        private const char ByteOrderMark = '\uFEFF';

        /// <summary>Lines longer than this are scanned for keys in windows around each token name.</summary>
        public const int LongLineLength = 4096;

        // A key is at most 200 characters before the name's end; no token value is longer than a few hundred.
        private const int WindowBefore = 256;
        private const int WindowAfter = 2048;

        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (absent from netstandard2.0, honored by the runtime): the checks
        /// every line of every file goes through are compiled optimized at once, not after a reference scan spent its
        /// run in tier-0 code (perf: half the samples of a JIT scan, docs/performance.md).
        /// </summary>
        private const MethodImplOptions FullyOptimized = (MethodImplOptions)512;

        private readonly IReadOnlyCollection<string>? _extraNames;
        private readonly IReadOnlyList<Regex>? _extraPlaceholders;

        public ConfigTokenScanner(IReadOnlyCollection<string>? extraNames = null, IReadOnlyList<Regex>? extraPlaceholders = null)
        {
            _extraNames = extraNames;
            _extraPlaceholders = extraPlaceholders;
        }

        public IEnumerable<ConfigTokenFinding> Scan(string text) => ScanLines(new StringText(text));

        /// <summary>
        /// The first <paramref name="length"/> characters of <paramref name="buffer"/> (a pooled buffer of decoded file
        /// text): the same findings as <see cref="Scan(string)"/> on that text, without a string of the whole file.
        /// </summary>
        public IEnumerable<ConfigTokenFinding> Scan(char[] buffer, int length) => ScanLines(new BufferText(buffer, length));

        /// <summary>
        /// Line by line; a line gets a string (and the patterns) only when it could hold something: a run of token
        /// characters long enough for a shape, or a key name. Most lines of a config have neither.
        /// </summary>
        private IEnumerable<ConfigTokenFinding> ScanLines<TText>(TText text)
            where TText : struct, IText
        {
            var lineNumber = 0;

            // A UTF-8 byte order mark (U+FEFF, which files saved on Windows start with) is not part of the first line:
            // read as part of it, it would hide that line's key from the anchored patterns.
            var lineStart = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
            var state = new LineState();
            while (lineStart <= text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                lineNumber++;
                var length = lineEnd - lineStart;
                while (length > 0 && text[lineStart + length - 1] == '\r')
                {
                    length--;
                }

                if (Wants(text, lineStart, length, ref state))
                {
                    var line = text.Substring(lineStart, length);
                    foreach (var finding in ScanLine(line, lineNumber, ref state))
                    {
                        yield return finding;
                    }
                }
                else
                {
                    Skip(text, lineStart, length, ref state);
                }

                lineStart = lineEnd + 1;
            }
        }

        /// <summary>
        /// Lines one after the other, with what the scan carries from line to line: the open sections and whether one of
        /// them is InfluxDB's (a credential key under it holds a token: <c>"InfluxDB": {"ApiKey": …}</c>), and a
        /// Kubernetes env entry whose name is a token key (its value is on the next line).
        /// </summary>
        public IEnumerable<ConfigTokenFinding> ScanLines(IEnumerable<string> lines)
        {
            var state = new LineState();
            var lineNumber = 0;
            foreach (var raw in lines)
            {
                lineNumber++;
                var line = lineNumber == 1 && raw.Length > 0 && raw[0] == ByteOrderMark ? raw.Substring(1) : raw;
                var text = new StringText(line);
                if (Wants(text, 0, line.Length, ref state))
                {
                    foreach (var finding in ScanLine(line, lineNumber, ref state))
                    {
                        yield return finding;
                    }
                }
                else
                {
                    Skip(text, 0, line.Length, ref state);
                }
            }
        }

        /// <summary>
        /// Whether a line must be scanned: it may hold a shape or a token key, it names InfluxDB (it may open its
        /// section), it holds the value of a pending env entry, or it may hold a credential key inside InfluxDB's section.
        /// </summary>
        [MethodImpl(FullyOptimized)]
        private bool Wants<TText>(TText text, int start, int length, ref LineState state)
            where TText : struct, IText
        {
            if (MayHoldAnything(text, start, length) || state.PendingEnvName is not null)
            {
                return true;
            }

            // Comments never open a section nor hold a key of one: most lines of a commented config cost nothing more.
            if (IsCommentOrBlank(text, start, length))
            {
                return false;
            }

            return text.ContainsIgnoreCase(start, length, "influx")
                || (state.HasSections && (text.ContainsIgnoreCase(start, length, "key") || text.ContainsIgnoreCase(start, length, "secret")));
        }

        [MethodImpl(FullyOptimized)]
        private static bool IsCommentOrBlank<TText>(TText text, int start, int length)
            where TText : struct, IText
        {
            var indent = Indentation(text, start, length);
            if (indent == length)
            {
                return true;
            }

            var first = text[start + indent];
            return first == '#' || first == ';' || (first == '/' && indent + 1 < length && text[start + indent + 1] == '/');
        }

        /// <summary>A line not scanned still ends what it is not part of: a pending env entry, the sections it is outside (comments end nothing).</summary>
        [MethodImpl(FullyOptimized)]
        private static void Skip<TText>(TText text, int start, int length, ref LineState state)
            where TText : struct, IText
        {
            if (length == 0 || IsCommentOrBlank(text, start, length))
            {
                return;
            }

            state.PendingEnvName = null;
            if (state.HasSections)
            {
                state.CloseBelow(Indentation(text, start, length));
            }
        }

        /// <summary>
        /// The InfluxDB sections open at the current line (by indentation, which pretty JSON and YAML share; other sections
        /// need no tracking: lines nested in them are indented deeper than the InfluxDB one) and a pending env entry name.
        /// </summary>
        private struct LineState
        {
            private List<(int Indent, bool Influx)>? _sections;

            public string? PendingEnvName;

            public bool InInfluxSection
            {
                get
                {
                    if (_sections is null)
                    {
                        return false;
                    }

                    foreach (var section in _sections)
                    {
                        if (section.Influx)
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            public bool HasSections => _sections is { Count: > 0 };

            public void CloseBelow(int indent)
            {
                while (_sections is { Count: > 0 } && _sections[_sections.Count - 1].Indent >= indent)
                {
                    _sections.RemoveAt(_sections.Count - 1);
                }
            }

            public void Open(int indent, bool influx) => (_sections ??= new List<(int Indent, bool Influx)>()).Add((indent, influx));
        }

        [MethodImpl(FullyOptimized)]
        private static int Indentation<TText>(TText text, int start, int length)
            where TText : struct, IText
        {
            var count = 0;
            while (count < length && (text[start + count] == ' ' || text[start + count] == '\t'))
            {
                count++;
            }

            return count;
        }



        /// <summary>
        /// False only when <see cref="ScanLine"/> cannot find anything in the line: no run of 16 URL-safe base64
        /// characters in a line long enough for a shape (<see cref="TokenShapeDetector"/> skips shorter runs), and no
        /// key name (every key pattern and the connection-string parameter need "token" or an extra name).
        /// </summary>
        [MethodImpl(FullyOptimized)]
        private bool MayHoldAnything<TText>(TText text, int start, int length)
            where TText : struct, IText
        {
            if (length >= TokenShapeDetector.MinimumTokenLength && HasRunOf16(text, start, start + length))
            {
                return true;
            }

            return HasKeyName(text, start, length);
        }

        /// <summary>
        /// Whether [start, end) holds 16 URL-safe base64 characters in a row. Such a run covers two consecutive
        /// positions start + 8k and start + 8k + 8, so only every eighth character is looked at until two of them in a
        /// row are base64; only then is the run around them measured. Most lines are looked at an eighth.
        /// </summary>
        [MethodImpl(FullyOptimized)]
        private static bool HasRunOf16<TText>(TText text, int start, int end)
            where TText : struct, IText
        {
            for (var probe = start; probe + 8 < end; probe += 8)
            {
                if (!TokenShapeDetector.IsUrlSafeBase64(text[probe]) || !TokenShapeDetector.IsUrlSafeBase64(text[probe + 8]))
                {
                    continue;
                }

                var first = probe;
                while (first > start && TokenShapeDetector.IsUrlSafeBase64(text[first - 1]))
                {
                    first--;
                }

                var last = probe + 1;
                while (last < end && TokenShapeDetector.IsUrlSafeBase64(text[last]))
                {
                    last++;
                }

                if (last - first >= 16)
                {
                    return true;
                }

                // The run ends before 'last': the next probe that can start a new one is past it.
                while (probe + 8 < last)
                {
                    probe += 8;
                }
            }

            return false;
        }

        /// <summary>Whether the range names a token key: "token" or one of the extra names, in any case.</summary>
        [MethodImpl(FullyOptimized)]
        private bool HasKeyName<TText>(TText text, int start, int length)
            where TText : struct, IText
        {
            if (text.ContainsIgnoreCase(start, length, "token"))
            {
                return true;
            }

            if (_extraNames is not null)
            {
                foreach (var name in _extraNames)
                {
                    if (text.ContainsIgnoreCase(start, length, name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The text a scan reads: a string, or a pooled buffer; generic over structs, so no call is virtual.</summary>
        private interface IText
        {
            int Length { get; }

            char this[int index] { get; }

            int IndexOf(char value, int start);

            string Substring(int start, int length);

            bool ContainsIgnoreCase(int start, int length, string value);
        }

        private readonly struct StringText : IText
        {
            private readonly string _text;

            public StringText(string text) => _text = text;

            public int Length => _text.Length;

            public char this[int index] => _text[index];

            public int IndexOf(char value, int start) => _text.IndexOf(value, start);

            public string Substring(int start, int length) => _text.Substring(start, length);

            public bool ContainsIgnoreCase(int start, int length, string value) =>
                length >= value.Length && _text.IndexOf(value, start, length, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private readonly struct BufferText : IText
        {
            private readonly char[] _buffer;

            public BufferText(char[] buffer, int length)
            {
                _buffer = buffer;
                Length = length;
            }

            public int Length { get; }

            public char this[int index] => _buffer[index];

            public int IndexOf(char value, int start) => Array.IndexOf(_buffer, value, start, Length - start);

            public string Substring(int start, int length) => new string(_buffer, start, length);

            public bool ContainsIgnoreCase(int start, int length, string value)
            {
                if (length < value.Length)
                {
                    return false;
                }

#if NET
                return IgnoreCaseSearch.Contains(_buffer.AsSpan(start, length), value);
#else
                if (!IsAsciiLetters(value))
                {
                    // OrdinalIgnoreCase of non-ASCII names is the runtime's to decide: ask it, on a copy.
                    return new string(_buffer, start, length).IndexOf(value, StringComparison.OrdinalIgnoreCase) >= 0;
                }

                // For ASCII letters OrdinalIgnoreCase is ASCII case folding: no other character upper-cases to one of them.
                // Candidates are where the first letter is, in either case (the runtime's vectorized IndexOf finds them).
                var last = start + length - value.Length;
                var lower = (char)(value[0] | 0x20);
                var upper = (char)(lower & ~0x20);
                return Finds(lower, start, last, value) || Finds(upper, start, last, value);
#endif
            }

#if !NET
            private bool Finds(char first, int start, int last, string value)
            {
                for (var index = start; index <= last; index++)
                {
                    index = Array.IndexOf(_buffer, first, index, last - index + 1);
                    if (index < 0)
                    {
                        return false;
                    }

                    if (MatchesRest(index, value))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether the characters after <paramref name="index"/> are the rest of <paramref name="value"/>, ASCII case folded.</summary>
            private bool MatchesRest(int index, string value)
            {
                for (var offset = 1; offset < value.Length; offset++)
                {
                    var character = _buffer[index + offset];
                    if (character >= 128 || (character | 0x20) != (value[offset] | 0x20))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsAsciiLetters(string value)
            {
                foreach (var character in value)
                {
                    if (!((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')))
                    {
                        return false;
                    }
                }

                return true;
            }
#endif
        }

        /// <summary>Scans one line on its own (no sections, no env entries carried from other lines); <paramref name="lineNumber"/> is 1-based.</summary>
        public IEnumerable<ConfigTokenFinding> ScanLine(string line, int lineNumber)
        {
            var state = new LineState();
            return ScanLine(line, lineNumber, ref state);
        }

        private IEnumerable<ConfigTokenFinding> ScanLine(string line, int lineNumber, ref LineState state)
        {
            if (line.Length == 0)
            {
                return Array.Empty<ConfigTokenFinding>();
            }

            List<ConfigTokenFinding>? findings = null;
            List<(int Start, int End)>? taken = null;
            var influx = Carry(line, lineNumber, ref state, ref findings, ref taken);

            if (line.Length >= TokenShapeDetector.MinimumTokenLength)
            {
                foreach (var match in TokenShapeDetector.FindAll(line))
                {
                    Add(ref findings, ref taken, new ConfigTokenFinding(
                        lineNumber, match.Start + 1, match.ValueIn(line), ConfigTokenEvidence.Shape, null, match.Shape), match.Start, match.Length);
                }
            }

            var credentialKeys = (influx || line.IndexOf("influx", StringComparison.OrdinalIgnoreCase) >= 0) && MayHoldCredentialKey(line);
            if (!MayHoldTokenKey(line) && !credentialKeys)
            {
                return (IEnumerable<ConfigTokenFinding>?)findings ?? Array.Empty<ConfigTokenFinding>();
            }

            if (line.Length <= LongLineLength)
            {
                for (var index = 0; index < KeyValuePatterns.Length; index++)
                {
                    AddKeyValues(KeyValuePatterns[index], line, 0, line.Length, lineNumber, ref findings, ref taken, influx);
                }
            }
            else
            {
                // A minified file is one line of megabytes: the unanchored key patterns run only around the places that
                // name a token, so the work stays linear in the line (a whole-line scan can outlast its timeout). The
                // patterns anchored at the line's start try one position only and run on the whole line.
                for (var index = UnanchoredPatternCount; index < KeyValuePatterns.Length; index++)
                {
                    AddKeyValues(KeyValuePatterns[index], line, 0, line.Length, lineNumber, ref findings, ref taken, influx);
                }

                foreach (var (start, length) in KeyWindows(line))
                {
                    for (var index = 0; index < UnanchoredPatternCount; index++)
                    {
                        AddKeyValues(KeyValuePatterns[index], line, start, length, lineNumber, ref findings, ref taken, influx);
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

        /// <summary>
        /// What this line does to the carried state and what the state finds in it: closes the sections it is not inside,
        /// opens the one it starts, reports the value of a pending Kubernetes env entry; returns whether the line is
        /// inside (or itself opens) an InfluxDB section.
        /// </summary>
        private bool Carry(string line, int lineNumber, ref LineState state, ref List<ConfigTokenFinding>? findings, ref List<(int Start, int End)>? taken)
        {
            var indent = LineText.Indentation(line);
            if (indent == line.Length)
            {
                return state.InInfluxSection;
            }

            state.CloseBelow(indent);
            var pending = state.PendingEnvName;
            state.PendingEnvName = null;
            if (line.Length > LongLineLength)
            {
                return state.InInfluxSection;
            }

            try
            {
                if (pending is not null && EnvEntryValue.Match(line) is { Success: true } entry)
                {
                    var (valueStart, value) = Unquote(entry.Groups["value"].Index, entry.Groups["value"].Value);
                    if (IsTokenValue(pending, value, influx: false))
                    {
                        Add(ref findings, ref taken, new ConfigTokenFinding(lineNumber, valueStart + 1, value, ConfigTokenEvidence.Key, pending, null), valueStart, value.Length);
                    }
                }

                if (line.IndexOf("name:", StringComparison.OrdinalIgnoreCase) >= 0
                    && EnvEntryName.Match(line) is { Success: true } name && TokenNames.IsTokenKey(name.Groups["name"].Value, _extraNames))
                {
                    state.PendingEnvName = name.Groups["name"].Value;
                }

                var influx = state.InInfluxSection;
                if (line.IndexOf("influx", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    // Only an InfluxDB section is tracked: a line that does not name it opens none.
                    return influx;
                }

                var opened = SectionOpen.Match(line);
                if (opened.Success)
                {
                    var end = opened.Index + opened.Length;
                    var opens = opened.Groups["brace"].Success ? LineText.Count(line, '{') > LineText.Count(line, '}') : Indentation(new StringText(line), end, line.Length - end) == line.Length - end;
                    var isInflux = TokenNames.MentionsInflux(opened.Groups["key"].Value);
                    if (opens && isInflux)
                    {
                        state.Open(indent, isInflux);
                    }

                    influx |= isInflux && opened.Groups["brace"].Success;
                }

                return influx;
            }
            catch (RegexMatchTimeoutException)
            {
                return state.InInfluxSection;
            }
        }

        /// <summary>A credential key name that is not "token": only under an InfluxDB section does it hold a token.</summary>
        private static bool MayHoldCredentialKey(string line) =>
            line.IndexOf("key", StringComparison.OrdinalIgnoreCase) >= 0 || line.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0;

        private void AddKeyValues(
            Regex pattern, string line, int start, int length, int lineNumber,
            ref List<ConfigTokenFinding>? findings, ref List<(int Start, int End)>? taken, bool influx)
        {
            try
            {
                for (var match = pattern.Match(line, start, length); match.Success; match = match.NextMatch())
                {
                    var key = match.Groups["key"].Value;
                    var valueGroup = match.Groups["value"];
                    var (valueStart, value) = Unquote(valueGroup.Index, valueGroup.Value);
                    if (IsFree(taken, valueStart, value.Length) && IsTokenValue(key, value, influx))
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

        private bool MayHoldTokenKey(string line) => HasKeyName(new StringText(line), 0, line.Length);

        private bool IsTokenValue(string key, string value, bool influx) =>
            (TokenNames.IsTokenKey(key, _extraNames) || TokenNames.IsInfluxCredentialKey(key, influx))
            && !PlaceholderDetector.IsPlaceholder(value, _extraPlaceholders)
            && !PlaceholderDetector.IsNonSecretIdentifier(value)
            && !PlaceholderDetector.IsProse(value)
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
