using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.Model;

public enum TokenVisibility
{
    /// <summary>The field was absent.</summary>
    Missing,

    /// <summary><c>""</c>: OSS ≥ 2.9 (or 2.8 with hashed tokens) never returns values.</summary>
    Empty,

    /// <summary><c>"redacted"</c>: InfluxDB Cloud.</summary>
    Redacted,

    /// <summary>The raw value was returned (OSS ≤ 2.8 default); only its fingerprint is kept.</summary>
    Visible,
}

/// <summary>What the API said about a token's value, without the value.</summary>
public readonly record struct TokenValue(TokenVisibility Visibility, string? Fingerprint)
{
    public static TokenValue FromWire(string? value) => value switch
    {
        null => new TokenValue(TokenVisibility.Missing, null),
        "" => new TokenValue(TokenVisibility.Empty, null),
        "redacted" or "REDACTED" => new TokenValue(TokenVisibility.Redacted, null),
        _ => new TokenValue(TokenVisibility.Visible, TokenRedaction.Fingerprint(value)),
    };

    public override string ToString() => Visibility == TokenVisibility.Visible ? "fingerprint " + Fingerprint : Visibility.ToString();
}
