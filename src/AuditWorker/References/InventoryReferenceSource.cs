using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenGovernance.AuditWorker.References;

/// <summary>Declared references from a JSON inventory (vault or CMDB export): ids and locations, no values.</summary>
public sealed class InventoryReferenceSource
{
    public async Task<SourceScan> ScanAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var entries = await JsonSerializer.DeserializeAsync(stream, InventoryJsonContext.Default.ListInventoryEntry, cancellationToken) ?? [];
            var references = entries.Select((entry, index) => new FoundReference
            {
                Source = ReferenceSources.Inventory,
                Location = entry.Location ?? entry.Name ?? $"{path}#{index}",
                DeclaredAuthorizationId = entry.AuthorizationId,
            }).ToList();
            return new SourceScan(ReferenceSources.Inventory, references, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SourceScan(ReferenceSources.Inventory, [], $"inventory '{path}' cannot be read: {exception.Message}");
        }
        catch (JsonException exception)
        {
            return new SourceScan(ReferenceSources.Inventory, [], $"inventory '{path}' is not a JSON array of {{name, authorizationId, location}} (line {exception.LineNumber + 1})");
        }
    }
}

public sealed class InventoryEntry
{
    public string? Name { get; set; }

    public string? AuthorizationId { get; set; }

    public string? Location { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<InventoryEntry>))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
