using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// <see cref="StringPool"/> for the fields that repeat (by attribute), so other strings keep the serializer's fast path.
/// </summary>
internal sealed class StringPoolJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => StringPool.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
