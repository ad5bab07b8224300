using System.Net.Sockets;
using System.Security.Authentication;

namespace TokenGovernance.Audit.Safety;

/// <summary>One line for a failed connection (reset, refused, DNS, TLS, a bad status line), never a stack trace.</summary>
public static class TransportErrors
{
    public static string Describe(Exception exception)
    {
        var kind = exception is HttpRequestException http ? http.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "name resolution failed",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.InvalidResponse => "invalid HTTP response",
            HttpRequestError.ResponseEnded => "response ended early",
            HttpRequestError.ProxyTunnelError => "proxy tunnel failed",
            HttpRequestError.ConfigurationLimitExceeded => "response exceeds a limit (headers too large)",
            _ => null,
        } : null;

        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var cause = innermost switch
        {
            SocketException socket => Words(socket.SocketErrorCode.ToString()),
            AuthenticationException authentication => ServerText.OneLine(authentication.Message),
            _ => ServerText.OneLine(innermost.Message),
        };

        // "connection failed: connection refused" says it twice: the socket's words are enough.
        return kind is null || (kind == "connection failed" && innermost is SocketException) ? cause : $"{kind}: {cause}";
    }

    /// <summary><c>ConnectionRefused</c> as an operator reads it: <c>connection refused</c>.</summary>
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var character in name)
        {
            if (char.IsUpper(character) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(character));
        }

        return text.ToString();
    }
}
