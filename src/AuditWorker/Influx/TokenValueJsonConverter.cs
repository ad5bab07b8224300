using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGovernance.AuditWorker.Influx;

/// <summary>Reads the <c>token</c> field and drops the raw value right away, keeping visibility and fingerprint.</summary>
public sealed class TokenValueJsonConverter : JsonConverter<TokenValue>
{
    public override TokenValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? TokenValue.FromWire(null) : TokenValue.FromWire(reader.GetString());

    public override void Write(Utf8JsonWriter writer, TokenValue value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Token values are never written.");
}
