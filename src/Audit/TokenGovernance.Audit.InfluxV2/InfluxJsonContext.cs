using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.InfluxV2;

// A duplicate key is ambiguous (which one did the server mean?): a real server never sends one, so it is malformed.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = false, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(InfluxAuthorizationList))]
[JsonSerializable(typeof(InfluxAuthorization))]
[JsonSerializable(typeof(InfluxAuthorizationUpdate))]
[JsonSerializable(typeof(InfluxAuthorizationCreate))]
[JsonSerializable(typeof(InfluxCreatedAuthorization))]
[JsonSerializable(typeof(InfluxUserList))]
[JsonSerializable(typeof(InfluxUser))]
[JsonSerializable(typeof(InfluxOrganizationList))]
[JsonSerializable(typeof(InfluxError))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class InfluxJsonContext : JsonSerializerContext;
