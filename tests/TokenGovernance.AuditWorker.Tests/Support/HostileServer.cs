using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 in front of the InfluxDB double: each case gets its own URL prefix
/// (<c>http://127.0.0.1:PORT/CASE/</c>); a request whose path matches one of the case's scripts gets exactly the bytes
/// the script writes (any status line, reason phrase, framing, stall or trickle), every other request is proxied to
/// the double. One connection per request, closed after the response.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<HostileScript>> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _upstreams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri? _double;
    private readonly Task _accepting;

    public HostileServer(Uri? upstreamDouble)
    {
        _double = upstreamDouble;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every Authorization header value this server received (for "never sent to another origin").</summary>
    public ConcurrentBag<string> ReceivedAuthorizations { get; } = [];

    public Uri UrlFor(string caseName) => new($"http://127.0.0.1:{Port}/{caseName}/");

    public void Script(string caseName, params HostileScript[] scripts) => _cases[caseName] = scripts;

    /// <summary>Requests of this case that no script answers go to <paramref name="upstream"/> instead of the default double.</summary>
    public void ProxyTo(string caseName, Uri upstream) => _upstreams[caseName] = upstream;

    /// <summary>How many requests of a case reached a path that starts with <paramref name="pathPrefix"/>.</summary>
    public int Requests(string caseName, string pathPrefix) =>
        _counts.Where(pair => pair.Key.StartsWith(caseName + " " + pathPrefix, StringComparison.Ordinal)).Sum(pair => pair.Value);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _upstream.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var target = lines[0].Split(' ')[1];
                var authorization = lines.Skip(1).FirstOrDefault(line => line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))?[14..].Trim();
                if (authorization is not null)
                {
                    ReceivedAuthorizations.Add(authorization);
                }

                var segments = target.TrimStart('/').Split('/', 2);
                var caseName = segments[0];
                var rest = "/" + (segments.Length > 1 ? segments[1] : string.Empty);
                var path = rest.Split('?')[0];
                var count = _counts.AddOrUpdate(caseName + " " + path, 1, (_, value) => value + 1);
                var exchange = new HostileExchange(stream, rest, count, authorization, _stopping.Token,
                    other => ProxyAsync(_upstreams.GetValueOrDefault(caseName) ?? _double, other, authorization));
                var script = _cases.TryGetValue(caseName, out var scripts)
                    ? scripts.FirstOrDefault(candidate => path.StartsWith(candidate.PathPrefix, StringComparison.Ordinal) && candidate.Applies(count))
                    : null;
                if (script is not null)
                {
                    await script.Respond(exchange);
                }
                else
                {
                    var upstream = await exchange.UpstreamAsync();
                    await exchange.WriteAsync(upstream.Status, upstream.Reason, upstream.Body, upstream.Headers);
                }

                await stream.FlushAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (timeouts are the point of many cases) or the server is stopping.
            }
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[65536];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled));
            if (read == 0)
            {
                return null;
            }

            filled += read;
            var text = Encoding.Latin1.GetString(buffer, 0, filled);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[..end];
            }
        }

        return null;
    }

    private async Task<UpstreamResponse> ProxyAsync(Uri? upstream, string pathAndQuery, string? authorization)
    {
        if (upstream is null)
        {
            return new UpstreamResponse(404, "Not Found", "{\"code\":\"not found\",\"message\":\"no such path\"}"u8.ToArray(), []);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(upstream, pathAndQuery));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _upstream.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = response.Headers.Where(header => header.Key.StartsWith("X-Influxdb", StringComparison.OrdinalIgnoreCase))
            .Select(header => (header.Key, string.Join(",", header.Value))).ToList();
        return new UpstreamResponse((int)response.StatusCode, response.ReasonPhrase ?? "OK", body, headers);
    }
}

internal sealed record UpstreamResponse(int Status, string Reason, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>What a script sees of one request, and the means to answer it.</summary>
internal sealed class HostileExchange(
    NetworkStream stream, string pathAndQuery, int count, string? authorization, CancellationToken stopping, Func<string, Task<UpstreamResponse>> upstream)
{
    public NetworkStream Stream { get; } = stream;

    public string PathAndQuery { get; } = pathAndQuery;

    /// <summary>1 for the first request of this case to this path, 2 for the second...</summary>
    public int Count { get; } = count;

    public string? Authorization { get; } = authorization;

    public CancellationToken Stopping { get; } = stopping;

    /// <summary>What the double would have answered.</summary>
    public Task<UpstreamResponse> UpstreamAsync() => upstream(PathAndQuery);

    /// <summary>What the double answers to another request of the same client.</summary>
    public Task<UpstreamResponse> UpstreamAsync(string otherPathAndQuery) => upstream(otherPathAndQuery);

    public Task WriteAsync(int status, string reason, byte[] body, IEnumerable<(string Name, string Value)>? headers = null, string contentType = "application/json; charset=utf-8") =>
        WriteRawAsync(Head(status, reason, body.Length, headers, contentType), body);

    public async Task WriteRawAsync(byte[] head, byte[] body)
    {
        await Stream.WriteAsync(head, Stopping);
        await Stream.WriteAsync(body, Stopping);
    }

    /// <param name="headers">The X-Influxdb-* headers (OSS 2.7's unless given); <paramref name="extra"/> headers come after them.</param>
    public static byte[] Head(
        int status, string reason, long? contentLength, IEnumerable<(string Name, string Value)>? headers = null,
        string contentType = "application/json; charset=utf-8", params (string Name, string Value)[] extra)
    {
        var builder = new StringBuilder($"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nConnection: close\r\n");
        if (contentLength is { } length)
        {
            builder.Append($"Content-Length: {length}\r\n");
        }

        foreach (var (name, value) in (headers ?? [("X-Influxdb-Build", "OSS"), ("X-Influxdb-Version", "v2.7.11")]).Concat(extra))
        {
            builder.Append($"{name}: {value}\r\n");
        }

        return Encoding.Latin1.GetBytes(builder.Append("\r\n").ToString());
    }
}

/// <summary>Answers the requests of one case whose path starts with <see cref="PathPrefix"/> (on the requests <see cref="Applies"/> picks).</summary>
internal sealed record HostileScript(string PathPrefix, Func<HostileExchange, Task> Respond, Func<int, bool>? Which = null)
{
    public bool Applies(int count) => Which?.Invoke(count) ?? true;
}
