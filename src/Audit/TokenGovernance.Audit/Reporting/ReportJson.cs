using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TokenGovernance.Audit.Reporting;

/// <summary>Writes a document as its context's options say (indentation, encoder, new lines), in chunks to a stream.</summary>
public static class ReportJson
{
    public static void Write<T>(Stream output, T document, JsonTypeInfo<T> typeInfo, int chunkSize = 64 * 1024)
    {
        var options = typeInfo.Options;
        using var buffer = new StreamBufferWriter(output, chunkSize);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
            MaxDepth = options.MaxDepth,
            SkipValidation = true,
        }))
        {
            JsonSerializer.Serialize(writer, document, typeInfo);
        }

        buffer.Flush();
        output.Flush();
    }
}
