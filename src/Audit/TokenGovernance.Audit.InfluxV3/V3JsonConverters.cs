using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>A <c>UInt64</c> id column: a JSON number (or, from a proxy that re-encodes, a string); kept as text.</summary>
public sealed class NumberOrStringJsonConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetUInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => throw new JsonException($"expected an unsigned integer or a string, found {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// A timestamp column: the server stores milliseconds since the epoch and prints them as a number, or (Arrow's JSON
/// writer) as an ISO 8601 text without an offset, which is UTC. Anything else is malformed, never a guess.
/// </summary>
public sealed class V3TimestampJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var milliseconds):
                return milliseconds is >= -62_135_596_800_000 and <= 253_402_300_799_999
                    ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                    : throw new JsonException($"timestamp {milliseconds} ms is out of range");
            case JsonTokenType.String:
                var text = reader.GetString();
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                    ? parsed
                    : throw new JsonException("a timestamp is not a date");
            default:
                throw new JsonException($"expected a timestamp, found {reader.TokenType}");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteNumberValue(time.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
