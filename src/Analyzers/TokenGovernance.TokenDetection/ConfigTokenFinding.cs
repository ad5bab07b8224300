namespace TokenGovernance.TokenDetection
{
    /// <summary>How a token in a configuration text was recognised.</summary>
    public enum ConfigTokenEvidence
    {
        /// <summary>The value has an InfluxDB token shape, whatever its key.</summary>
        Shape,

        /// <summary>The value sits under a key that names an InfluxDB token (<c>INFLUX_TOKEN=</c>, <c>token = "…"</c>, <c>"Token": "…"</c>).</summary>
        Key,
    }

    /// <summary>
    /// A token found in a configuration text. <see cref="Value"/> is the secret itself: callers hash or mask
    /// it and drop it; it must never be logged, reported or put into an exception.
    /// </summary>
    public sealed class ConfigTokenFinding
    {
        public ConfigTokenFinding(int line, int column, string value, ConfigTokenEvidence evidence, string? key, TokenShape? shape)
        {
            Line = line;
            Column = column;
            Value = value;
            Evidence = evidence;
            Key = key;
            Shape = shape;
        }

        /// <summary>1-based line number.</summary>
        public int Line { get; }

        /// <summary>1-based column of the value's first character.</summary>
        public int Column { get; }

        public string Value { get; }

        public ConfigTokenEvidence Evidence { get; }

        public string? Key { get; }

        public TokenShape? Shape { get; }

        public override string ToString() => $"{Evidence} at {Line}:{Column} ({TokenRedaction.Mask(Value)})";
    }
}
