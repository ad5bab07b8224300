using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.InfluxV3;

/// <summary>
/// One row of <c>SELECT * FROM system.tokens</c> as <c>/api/v3/query_sql?format=json</c> prints it (an array of
/// objects, one per row; influxdb3_system_tables/src/tokens.rs). Only the columns the audit reads.
/// </summary>
internal sealed class V3TokenRow
{
    [JsonPropertyName("token_id")]
    [JsonConverter(typeof(NumberOrStringJsonConverter))]
    public string? TokenId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The first 9 hex characters of the value's SHA-512; absent when the server runs without auth.</summary>
    [JsonPropertyName("hash")]
    public string? Hash { get; set; }

    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(V3TimestampJsonConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("created_by_token_id")]
    [JsonConverter(typeof(NumberOrStringJsonConverter))]
    public string? CreatedByTokenId { get; set; }

    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(V3TimestampJsonConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Null: never expires.</summary>
    [JsonPropertyName("expiry")]
    [JsonConverter(typeof(V3TimestampJsonConverter))]
    public DateTimeOffset? Expiry { get; set; }

    /// <summary>Core: <c>*:*:*</c>; Enterprise: <c>db:NAMES:ACTIONS</c>, <c>system:NAMES:read</c>, several as the server joins them.</summary>
    [JsonPropertyName("permissions")]
    public string? Permissions { get; set; }
}

/// <summary>InfluxDB 3's error body: <c>{"error": "...", "data": ...}</c> (ErrorMessage in the Core/Enterprise OpenAPI).</summary>
internal sealed class V3Error
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

// A duplicate column is ambiguous: a real server never prints one, so it is malformed.
[JsonSourceGenerationOptions(AllowDuplicateProperties = false)]
[JsonSerializable(typeof(List<V3TokenRow>))]
[JsonSerializable(typeof(V3Error))]
internal sealed partial class V3JsonContext : JsonSerializerContext;
