using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.References;

/// <summary>Declared references from a JSON inventory (vault or CMDB export): ids and locations, no values.</summary>
public sealed class InventoryReferenceSource(IOptions<TokenGovernanceOptions> settings) : IReferenceSource
{
    /// <summary>A vault or CMDB export of a million entries stays below this.</summary>
    public const long MaxBytes = 256 * 1024 * 1024;

    public async Task<IReadOnlyList<SourceScan>> ScanAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        var references = settings.Value.References;
        return !string.IsNullOrWhiteSpace(references.Inventory) && ReferenceTargets.IsFor(references.InventoryTarget, target, settings)
            ? [await ScanAsync(references.Inventory, cancellationToken)]
            : [];
    }

    public async Task<SourceScan> ScanAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            if (InputFile.Problem(path, MaxBytes) is { } problem)
            {
                return new SourceScan(ReferenceSources.Inventory, [], $"inventory '{path}' {problem}");
            }

            await using var stream = File.OpenRead(path);
            var entries = await JsonSerializer.DeserializeAsync(stream, InventoryJsonContext.Default.ListInventoryEntry, cancellationToken);
            if (entries is null)
            {
                return new SourceScan(ReferenceSources.Inventory, [], $"inventory '{path}' is null, not a JSON array of {{name, authorizationId, location}}");
            }

            var nullEntry = entries.IndexOf(null!);
            if (nullEntry >= 0)
            {
                return new SourceScan(ReferenceSources.Inventory, [], $"inventory '{path}' entry {nullEntry} is null, not an object {{name, authorizationId, location}}");
            }

            var references = entries.Select((entry, index) => new FoundReference
            {
                Source = ReferenceSources.Inventory,
                Location = ServerText.OneLine(entry.Location ?? entry.Name ?? $"{path}#{index}"),
                DeclaredAuthorizationId = entry.AuthorizationId is null ? null : ServerText.OneLine(entry.AuthorizationId),
            }).ToList();
            return new SourceScan(ReferenceSources.Inventory, references, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SourceScan(ReferenceSources.Inventory, [], $"inventory '{path}' cannot be read: {ServerText.OneLine(exception.Message)}");
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
