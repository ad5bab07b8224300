using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Reads the <c>token</c> field and keeps only visibility and fingerprint. A plain (unescaped) value is hashed
/// straight from the response's bytes, so the raw token never even becomes a string.
/// </summary>
public sealed class TokenValueJsonConverter : JsonConverter<TokenValue>
{
    public override TokenValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, TokenValue value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Token values are never written.");

    /// <summary>The token at the reader (string or null), as visibility and fingerprint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static TokenValue ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return TokenValue.FromWire(reader.TokenType == JsonTokenType.Null ? null : reader.GetString());
        }

        var bytes = reader.ValueSpan;
        if (bytes.IsEmpty || reader.ValueTextEquals("redacted"u8) || reader.ValueTextEquals("REDACTED"u8))
        {
            return TokenValue.FromWire(bytes.IsEmpty ? string.Empty : "redacted");
        }

        // Same as TokenRedaction.Fingerprint: the first 8 hex digits of SHA-256 over the UTF-8 value.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return new TokenValue(TokenVisibility.Visible, Convert.ToHexStringLower(hash[..4]));
    }
}
