using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

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
    private readonly JsonObject _paths;

    private InfluxContract(JsonObject document, JsonObject components, JsonObject paths)
    {
        Document = document;
        _components = components;
        _paths = paths;
    }

    /// <summary>The whole contract as JSON (OpenAPI 3.1 form), as published: for its paths, parameters and headers.</summary>
    public JsonObject Document { get; }

    /// <summary>A v2 contract of shared/influxdb-api/openapi/contracts (<c>oss.yml</c>, <c>cloud.yml</c>).</summary>
    public static Task<InfluxContract> LoadAsync(string file) =>
        LoadPathAsync(Path.Combine("openapi", "contracts", file));

    /// <summary>An InfluxDB 3 contract of shared/influxdb-api/docs-v2/api-docs/influxdb3 (<c>core/influxdb3-core-openapi.yaml</c>, ...).</summary>
    public static Task<InfluxContract> LoadV3Async(string file) =>
        LoadPathAsync(Path.Combine("docs-v2", "api-docs", "influxdb3", file));

    private static Task<InfluxContract> LoadPathAsync(string relative) =>
        Cache.GetOrAdd(relative, name => new Lazy<Task<InfluxContract>>(() => LoadCoreAsync(name))).Value;

    private static async Task<InfluxContract> LoadCoreAsync(string relative)
    {
        var path = Path.Combine(RepositoryRoot.Path, "..", "shared", "influxdb-api", relative);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = await OpenApiDocument.LoadAsync(path, settings);
        Assert.NotNull(result.Document);

        using var text = new StringWriter();
        result.Document!.SerializeAsV31(new OpenApiJsonWriter(text));
        var document = JsonNode.Parse(text.ToString())!.AsObject();
        var components = document["components"]!.DeepClone().AsObject();
        Strip(components);
        var paths = (document["paths"] ?? new JsonObject()).DeepClone().AsObject();
        Strip(paths);
        return new InfluxContract(document, components, paths);
    }

    /// <summary>
    /// Errors of <paramref name="json"/> against the schema a path's operation declares for a status (inline or through
    /// <c>#/components/responses</c>), for <c>application/json</c>.
    /// </summary>
    public IReadOnlyList<string> ValidateResponse(string path, string method, string status, string json)
    {
        var response = _paths[path]?[method]?["responses"]?[status];
        Assert.True(response is not null, $"the contract has no {method} {path} response {status}");
        if (response!["$ref"] is { } reference)
        {
            response = _components["responses"]![((string)reference!).Split('/')[^1]];
        }

        var schema = response!["content"]?["application/json"]?["schema"];
        Assert.True(schema is not null, $"the contract's {method} {path} {status} has no application/json schema");
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://contracts.local/{Guid.NewGuid():N}",
            ["$ref"] = "#/$defs/response",
            ["$defs"] = new JsonObject { ["response"] = schema!.DeepClone() },
            ["components"] = _components.DeepClone(),
        };
        return Evaluate(root, json);
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
        return Evaluate(root, json);
    }

    private static IReadOnlyList<string> Evaluate(JsonObject root, string json)
    {
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
