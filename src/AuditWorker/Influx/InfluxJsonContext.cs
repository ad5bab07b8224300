using System.Text.Json.Serialization;

namespace TokenGovernance.AuditWorker.Influx;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(InfluxAuthorizationList))]
[JsonSerializable(typeof(InfluxUserList))]
[JsonSerializable(typeof(InfluxUser))]
[JsonSerializable(typeof(InfluxOrganizationList))]
[JsonSerializable(typeof(InfluxError))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class InfluxJsonContext : JsonSerializerContext;
