namespace TokenGovernance.AuditWorker.Hosting;

/// <summary><c>--urls</c>: one or more <c>http(s)://host:port</c> separated by <c>;</c>, with <c>*</c> or <c>+</c> for any address.</summary>
public static class ListenUrls
{
    public static string? Problem(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return "is empty";
        }

        foreach (var part in parts)
        {
            var normalized = part.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query))
            {
                return $"is not a listen address: '{part}' is not http(s)://HOST:PORT (e.g. http://0.0.0.0:8080)";
            }
        }

        return null;
    }
}

/// <summary>The worker cannot listen where it was told to (the address is taken, or not this machine's).</summary>
public sealed class ListenException(string message, Exception inner) : Exception(message, inner);
