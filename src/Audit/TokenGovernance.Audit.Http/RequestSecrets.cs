using System.Text;

namespace TokenGovernance.Audit.Http;

/// <summary>
/// The secrets a request carries in its <c>Authorization</c> header (a v2 <c>Token</c>, a <c>Bearer</c> token or
/// management JWT, a <c>Basic</c> pair's password): what a server's text about that request must be cleaned of
/// wherever the caller knows nothing else of the call (the retry path sees only the request).
/// </summary>
internal static class RequestSecrets
{
    public static IReadOnlyList<string> Of(HttpRequestMessage? request)
    {
        if (request?.Headers.Authorization is not { Parameter: { Length: > 0 } parameter } authorization)
        {
            return [];
        }

        List<string> secrets = [parameter];
        if (string.Equals(authorization.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && Decode(parameter) is { } pair)
        {
            secrets.Add(pair);
            if (pair.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 && colon + 1 < pair.Length)
            {
                secrets.Add(pair[(colon + 1)..]);
            }
        }

        return secrets;
    }

    private static string? Decode(string parameter)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
