using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Configuration;

/// <summary>A target's <c>CaBundleFile</c>: a regular file of PEM certificates, at least one.</summary>
public static class CaBundle
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static string? Problem(string path)
    {
        if (InputFile.Problem(path, MaxBytes) is { } problem)
        {
            return problem;
        }

        try
        {
            return Load(path).Count == 0 ? "holds no PEM certificate (-----BEGIN CERTIFICATE-----)" : null;
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return "is not a PEM certificate bundle: " + ServerText.OneLine(exception.Message);
        }
    }

    public static X509Certificate2Collection Load(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPem(InputFile.ReadAllText(path, MaxBytes, $"CaBundleFile '{path}'"));
        return authorities;
    }
}
