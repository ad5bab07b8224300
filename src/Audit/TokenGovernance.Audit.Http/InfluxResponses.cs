using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Http;

/// <summary>Reading InfluxDB responses the same way for the client and the probe: bounded error bodies, one-line failures.</summary>
public static class InfluxResponses
{
    /// <summary>Bytes of an error body read at the most: enough for InfluxDB's <c>{"code","message"}</c>.</summary>
    public const int MaxErrorBodyBytes = 16_384;

    public static T? TryRead<T>(string body, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>At most <paramref name="maxBytes"/> of a body as text, or null when it is longer (such a body is no InfluxDB error).</summary>
    public static async Task<string?> ReadBoundedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes + 1];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, filled);
    }

    public static string DescribeTransportFailure(Exception exception, string secret) => exception switch
    {
        TimeoutRejectedException => "timed out",
        OperationCanceledException => "timed out",
        BrokenCircuitException => "circuit open after repeated failures",
        HttpRequestException http when http.StatusCode is not null => (int)http.StatusCode + " " + ServerText.OneLine(http.Message, secret),
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => TransportErrors.Describe(http),
        _ => ServerText.OneLine(exception.Message, secret),
    };

    public static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
