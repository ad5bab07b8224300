using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

/// <summary>
/// <c>Http:Authentication:Mode = bearer</c>: a request is served when its bearer token is one of the tokens in
/// <c>TokenFiles</c>. Each file is read again when it changes (a rotated Secret), compared in constant time (as
/// SHA-256 digests, so the length does not show either), and every file is compared whatever matched first.
/// </summary>
public sealed class BearerTokenAuthenticator(IOptions<HttpEndpointOptions> options) : IEndpointAuthenticator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTime Written, long Length, byte[]? Digest)> _files = new(StringComparer.Ordinal);

    public Task<EndpointAccess> CheckAsync(string? token, string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(new EndpointAccess(AccessVerdict.Unauthenticated, null, "no bearer token"));
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var files = options.Value.Authentication.TokenFiles;
        var matched = -1;
        for (var index = 0; index < files.Count; index++)
        {
            if (DigestOf(files[index]) is { } accepted && CryptographicOperations.FixedTimeEquals(presented, accepted) && matched < 0)
            {
                matched = index;
            }
        }

        return Task.FromResult(matched >= 0
            ? new EndpointAccess(AccessVerdict.Allowed, $"the token of Http:Authentication:TokenFiles:{matched}")
            : new EndpointAccess(AccessVerdict.Unauthenticated, null, "the bearer token is none of Http:Authentication:TokenFiles"));
    }

    /// <summary>The digest of the file's token, read again when its time or size changed; null while it is missing or empty.</summary>
    private byte[]? DigestOf(string file)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(file);
            if (!info.Exists)
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        lock (_gate)
        {
            if (_files.TryGetValue(file, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length)
            {
                return known.Digest;
            }

            byte[]? digest = null;
            try
            {
                var text = File.ReadAllText(file).Trim();
                digest = text.Length == 0 ? null : SHA256.HashData(Encoding.UTF8.GetBytes(text));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Mid-rotation: treated as absent, and read again at the next request.
                return null;
            }

            _files[file] = (info.LastWriteTimeUtc, info.Length, digest);
            return digest;
        }
    }
}
