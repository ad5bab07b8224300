using System.Buffers;
using System.Text.Json;
using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>
/// <c>--format json</c> (schemaVersion 1, docs/schemas/tokens-v1.schema.json): the targets as read and one object per
/// token with every field of <see cref="TokenRecord"/> and its findings. Streamed a token at a time.
/// </summary>
public sealed class TokenJsonWriter : ITokenListWriter
{
    private const int FlushAt = 1 << 16;

    public string Format => "json";

    public async Task WriteAsync(TokenListing listing, Stream output, CancellationToken cancellationToken)
    {
        // The writer fills a buffer that goes out asynchronously: JsonSerializer flushes its writer synchronously, which
        // a stream such as an ASP.NET Core response body refuses.
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        json.WriteString("generatedAt", listing.GeneratedAt);
        json.WriteBoolean("complete", listing.Complete);
        json.WriteStartArray("targets");
        foreach (var target in listing.Targets)
        {
            JsonSerializer.Serialize(json, target, ListingJsonContext.Default.TokenListingTarget);
        }

        json.WriteEndArray();
        json.WriteStartArray("tokens");
        foreach (var token in listing.Tokens)
        {
            JsonSerializer.Serialize(json, token, ListingJsonContext.Default.TokenRecord);
            if (buffer.WrittenCount > FlushAt)
            {
                await CopyAsync(buffer, output, cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await CopyAsync(buffer, output, cancellationToken);
    }

    private static async Task CopyAsync(ArrayBufferWriter<byte> buffer, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }
}
