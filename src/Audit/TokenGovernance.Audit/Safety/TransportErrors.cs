using System.Net.Sockets;
using System.Security.Authentication;
using TokenGovernance.Audit.Safety;

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
            SocketException socket => socket.SocketErrorCode.ToString(),
            AuthenticationException authentication => ServerText.OneLine(authentication.Message),
            _ => ServerText.OneLine(innermost.Message),
        };
        return kind is null ? cause : $"{kind}: {cause}";
    }
}
