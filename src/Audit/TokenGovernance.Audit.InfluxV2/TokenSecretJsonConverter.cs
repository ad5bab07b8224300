using System.Text.Json;
using System.Text.Json.Serialization;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>Reads the value a create answers with into a <see cref="TokenSecret"/> (null when empty); a secret is never written.</summary>
public sealed class TokenSecretJsonConverter : JsonConverter<TokenSecret>
{
    public override TokenSecret? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } value && value is not ("redacted" or "REDACTED") ? new TokenSecret(value) : null;

    public override void Write(Utf8JsonWriter writer, TokenSecret value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Token values are never written.");
}
