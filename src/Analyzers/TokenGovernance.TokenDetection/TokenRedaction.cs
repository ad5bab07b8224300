using System.Security.Cryptography;
using System.Text;

namespace TokenGovernance.TokenDetection
{
    /// <summary>The only forms in which a token may be shown: a short fingerprint or a masked description.</summary>
    public static class TokenRedaction
    {
        /// <summary>First 8 hex characters of the SHA-256 of the value: stable, not reversible, safe to log.</summary>
        public static string Fingerprint(string value)
        {
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
                var builder = new StringBuilder(8);
                for (var i = 0; i < 4; i++)
                {
                    builder.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return builder.ToString();
            }
        }

        /// <summary>At most the first 4 characters and the length, e.g. <c>SEcG… (88 characters)</c>.</summary>
        public static string Mask(string value)
        {
            var shown = value.Length <= 8 ? string.Empty : value.Substring(0, 4);
            return shown + "\u2026 (" + value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)";
        }
    }
}
