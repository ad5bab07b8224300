using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace TokenGovernance.AuditWorker.Tests.Support;

/// <summary>The ways a server can answer badly, as <see cref="HostileScript"/> bodies.</summary>
internal static class HostileResponses
{
    public static Func<HostileExchange, Task> Body(string body, int status = 200, string reason = "OK") =>
        exchange => exchange.WriteAsync(status, reason, Encoding.UTF8.GetBytes(body));

    /// <summary>A status line and error body built from the token the client sent (a server that echoes it).</summary>
    public static Func<HostileExchange, Task> Echo(Func<string, string> reason, Func<string, string> body, int status = 401) =>
        exchange =>
        {
            var token = exchange.Authorization?.Split(' ', 2).Last() ?? string.Empty;
            return exchange.WriteAsync(status, reason(token), Encoding.UTF8.GetBytes(body(token)));
        };

    /// <summary>What the double answers, changed as text.</summary>
    public static Func<HostileExchange, Task> Edit(Func<string, string> edit) =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            await exchange.WriteAsync(upstream.Status, upstream.Reason, Encoding.UTF8.GetBytes(edit(upstream.Text)), upstream.Headers);
        };

    public static Func<HostileExchange, Task> Replace(string pattern, string replacement) =>
        Edit(text => Regex.Replace(text, pattern, replacement));

    /// <summary>The double's answer with the token the client sent as the value after each of <paramref name="prefixes"/> (first occurrence).</summary>
    public static Func<HostileExchange, Task> EchoInto(params string[] prefixes) =>
        async exchange =>
        {
            var token = exchange.Authorization?.Split(' ', 2).Last() ?? string.Empty;
            var upstream = await exchange.UpstreamAsync();
            var text = upstream.Text;
            foreach (var prefix in prefixes)
            {
                var start = text.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
                var end = text.IndexOf('"', start);
                text = text[..start] + token + text[end..];
            }

            await exchange.WriteAsync(upstream.Status, upstream.Reason, Encoding.UTF8.GetBytes(text), upstream.Headers);
        };

    /// <summary>Headers never come.</summary>
    public static Func<HostileExchange, Task> StallHeaders() => exchange => Task.Delay(TimeSpan.FromSeconds(60), exchange.Stopping);

    /// <summary>Headers and half the body, then nothing.</summary>
    public static Func<HostileExchange, Task> StallBody() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            await exchange.WriteRawAsync(HostileExchange.Head(upstream.Status, upstream.Reason, upstream.Body.Length), upstream.Body[..(upstream.Body.Length / 2)]);
            await exchange.Stream.FlushAsync(exchange.Stopping);
            await Task.Delay(TimeSpan.FromSeconds(60), exchange.Stopping);
        };

    /// <summary>The body one byte every 200 ms: each read makes progress, the whole never arrives in time.</summary>
    public static Func<HostileExchange, Task> Trickle() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            await exchange.WriteRawAsync(HostileExchange.Head(upstream.Status, upstream.Reason, upstream.Body.Length), []);
            foreach (var value in upstream.Body)
            {
                await exchange.Stream.WriteAsync(new[] { value }, exchange.Stopping);
                await exchange.Stream.FlushAsync(exchange.Stopping);
                await Task.Delay(200, exchange.Stopping);
            }
        };

    /// <summary>A Content-Length for the whole body, and half of it.</summary>
    public static Func<HostileExchange, Task> Truncated() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            await exchange.WriteRawAsync(HostileExchange.Head(upstream.Status, upstream.Reason, upstream.Body.Length), upstream.Body[..(upstream.Body.Length / 2)]);
        };

    /// <summary>Valid chunked framing in 7-byte chunks: must be read like any body.</summary>
    public static Func<HostileExchange, Task> Chunked() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            await exchange.WriteRawAsync(HostileExchange.Head(upstream.Status, upstream.Reason, null, extra: ("Transfer-Encoding", "chunked")), []);
            for (var offset = 0; offset < upstream.Body.Length; offset += 7)
            {
                var chunk = upstream.Body.AsMemory(offset, Math.Min(7, upstream.Body.Length - offset));
                await exchange.Stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), exchange.Stopping);
                await exchange.Stream.WriteAsync(chunk, exchange.Stopping);
                await exchange.Stream.WriteAsync("\r\n"u8.ToArray(), exchange.Stopping);
            }

            await exchange.Stream.WriteAsync("0\r\n\r\n"u8.ToArray(), exchange.Stopping);
        };

    /// <summary>A gzip body the client never asked for.</summary>
    public static Func<HostileExchange, Task> Gzip() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(upstream.Body);
            }

            await exchange.WriteRawAsync(HostileExchange.Head(upstream.Status, upstream.Reason, compressed.Length, extra: ("Content-Encoding", "gzip")), compressed.ToArray());
        };

    public static Func<HostileExchange, Task> WithBom() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync();
            await exchange.WriteAsync(upstream.Status, upstream.Reason, [.. "\uFEFF"u8.ToArray(), .. upstream.Body], upstream.Headers);
        };

    public static Func<HostileExchange, Task> Redirect(Uri to) =>
        exchange => exchange.WriteRawAsync(
            HostileExchange.Head(307, "Temporary Redirect", 0, extra: ("Location", new Uri(to, exchange.PathAndQuery.TrimStart('/')).ToString())), []);

    /// <summary>A 200 that is an HTML error page from a proxy.</summary>
    public static Func<HostileExchange, Task> Html() =>
        exchange => exchange.WriteAsync(200, "OK", "<html><body><h1>502 Bad Gateway</h1></body></html>"u8.ToArray(), contentType: "text/html");

    /// <summary><c>[[[[…</c> nested far beyond any real document.</summary>
    public static Func<HostileExchange, Task> DeeplyNested(string property) =>
        Body($"{{\"{property}\":" + new string('[', 5000) + new string(']', 5000) + "}");

    /// <summary>An authorization list whose one element is larger than the reader allows (streamed, never held whole).</summary>
    public static Func<HostileExchange, Task> HugeAuthorization(int megabytes) =>
        async exchange =>
        {
            var prefix = "{\"authorizations\":[{\"id\":\"0c4e2a1b3d5f0999\",\"description\":\""u8.ToArray();
            var suffix = "\"}]}"u8.ToArray();
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            await exchange.WriteRawAsync(HostileExchange.Head(200, "OK", prefix.Length + (long)chunk.Length * megabytes + suffix.Length), prefix);
            for (var index = 0; index < megabytes; index++)
            {
                await exchange.Stream.WriteAsync(chunk, exchange.Stopping);
            }

            await exchange.Stream.WriteAsync(suffix, exchange.Stopping);
        };
}
