using System.Security.Cryptography;
using System.Text;

namespace TokenGovernance.Audit.References;

/// <summary>
/// InfluxDB 3 Core/Enterprise store a token as the SHA-512 of its value and list the first 9 hex characters of it
/// (<c>system.tokens.hash</c>). Computing the same here matches a found value to its token without sending it.
/// </summary>
public static class TokenHashes
{
    public const int PrefixLength = 9;

    public static string Sha512Prefix(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> hash = stackalloc byte[SHA512.HashSizeInBytes];
        SHA512.HashData(bytes, hash);
        CryptographicOperations.ZeroMemory(bytes);
        return Convert.ToHexStringLower(hash[..5])[..PrefixLength];
    }

    /// <summary>What the server printed, in the form <see cref="Sha512Prefix"/> compares with (null when it printed none).</summary>
    public static string? Normalize(string? listed) =>
        string.IsNullOrWhiteSpace(listed) ? null
        : listed.Trim().Length >= PrefixLength ? listed.Trim()[..PrefixLength].ToLowerInvariant() : null;
}
