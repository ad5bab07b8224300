using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

/// <summary>
/// The server certificate of <c>Http:Tls</c>, loaded from its PEM files and loaded again when either file changes (a
/// cert-manager renewal rewrites both): every new TLS connection gets the current one, no restart. A pair that cannot
/// be read while renewing keeps the certificate that was loaded last.
/// </summary>
public sealed class CertificateFiles(IOptions<HttpEndpointOptions> options, ILogger<CertificateFiles> logger)
{
    private readonly Lock _gate = new();
    private (DateTime Certificate, DateTime Key) _loadedFrom;
    private X509Certificate2? _current;

    public X509Certificate2 Current
    {
        get
        {
            var tls = options.Value.Tls;
            var stamps = (File.GetLastWriteTimeUtc(tls.CertificateFile!), File.GetLastWriteTimeUtc(tls.KeyFile!));
            lock (_gate)
            {
                if (_current is null || stamps != _loadedFrom)
                {
                    try
                    {
                        _current = Load(tls.CertificateFile!, tls.KeyFile!);
                        _loadedFrom = stamps;
                        logger.LogInformation("TLS certificate loaded from {File}: {Subject}, valid until {NotAfter:O}", tls.CertificateFile, _current.Subject, _current.NotAfter.ToUniversalTime());
                    }
                    catch (Exception exception) when (_current is not null && exception is IOException or System.Security.Cryptography.CryptographicException)
                    {
                        logger.LogWarning("TLS certificate {File} could not be loaded again ({Reason}); serving the one loaded before", tls.CertificateFile, exception.GetType().Name);
                    }
                }

                return _current;
            }
        }
    }

    /// <summary>Why the pair cannot be used, in one line, or null.</summary>
    public static string? Problem(string certificateFile, string keyFile)
    {
        try
        {
            using var certificate = Load(certificateFile, keyFile);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return $"'{certificateFile}' with key '{keyFile}' cannot be loaded as a PEM certificate and key ({exception.GetType().Name})";
        }
    }

    private static X509Certificate2 Load(string certificateFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        // An ephemeral key cannot serve TLS on every platform: export and import it as a whole PKCS #12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }
}
