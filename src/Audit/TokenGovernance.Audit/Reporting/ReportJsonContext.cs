using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.Reporting;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReportDocument))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
