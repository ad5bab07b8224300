using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGovernance.AuditWorker.Influx;

/// <summary>
/// Shares equal short strings: a list of 100,000 tokens repeats the same actions, types, org and user ids hundreds
/// of thousands of times. Applied only to those fields (by attribute), so other strings keep the serializer's fast
/// path. The pool is bounded: like <see cref="string.Intern(string)"/>, but it stops growing at its cap.
/// </summary>
internal sealed class StringPoolJsonConverter : JsonConverter<string>
{
    private const int MaximumPooledLength = 40;
    private const int MaximumEntries = 200_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is null || value.Length > MaximumPooledLength)
        {
            return value;
        }

        if (Pool.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        return Pool.Count < MaximumEntries ? Pool.GetOrAdd(value, value) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
