using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Contracts;

/// <summary>
/// Validates JSON against a schema of the official InfluxDB OpenAPI contract (shared/influxdb-api/openapi/contracts),
/// loaded with Microsoft.OpenApi and checked with JsonSchema.Net, as CONTRACT-TESTING.md describes.
/// </summary>
internal sealed class InfluxContract
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<InfluxContract>>> Cache = new();
    private static readonly string[] UnknownKeywords = ["example", "examples", "discriminator", "xml", "externalDocs", "nullable", "readOnly", "writeOnly",
        // Real servers send relative links although the contract says format: uri; format is an annotation here.
        "format"];

    private readonly JsonObject _components;

    private InfluxContract(JsonObject components) => _components = components;

    public static Task<InfluxContract> LoadAsync(string file) =>
        Cache.GetOrAdd(file, name => new Lazy<Task<InfluxContract>>(() => LoadCoreAsync(name))).Value;

    private static async Task<InfluxContract> LoadCoreAsync(string file)
    {
        var path = Path.Combine(RepositoryRoot.Path, "..", "shared", "influxdb-api", "openapi", "contracts", file);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = await OpenApiDocument.LoadAsync(path, settings);
        Assert.NotNull(result.Document);

        using var text = new StringWriter();
        result.Document!.SerializeAsV31(new OpenApiJsonWriter(text));
        var document = JsonNode.Parse(text.ToString())!.AsObject();
        var components = document["components"]!.AsObject();
        Strip(components);
        return new InfluxContract(components);
    }

    /// <summary>Errors (JSON pointer and message) of <paramref name="json"/> against <c>#/components/schemas/{schemaName}</c>.</summary>
    public IReadOnlyList<string> Validate(string schemaName, string json)
    {
        Assert.True(_components["schemas"]![schemaName] is not null, $"the contract has no schema {schemaName}");
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://contracts.local/{Guid.NewGuid():N}",
            ["$ref"] = "#/components/schemas/" + schemaName,
            ["components"] = _components.DeepClone(),
        };
        var schema = JsonSchema.FromText(root.ToJsonString());
        using var instance = System.Text.Json.JsonDocument.Parse(json);
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
                .ToList();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(pair => pair.Key).ToList())
                {
                    if (key.StartsWith("x-", StringComparison.Ordinal) || (UnknownKeywords.Contains(key) && !IsPropertyName(obj, key)))
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        Strip(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }
    }

    // "properties": {"example": {...}} declares a property named example: keep it.
    private static bool IsPropertyName(JsonObject owner, string key) => owner.Parent is JsonObject parent
        && parent.Any(pair => pair.Key == "properties" && ReferenceEquals(pair.Value, owner));
}
