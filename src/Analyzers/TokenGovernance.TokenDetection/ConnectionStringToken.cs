using System.Text.RegularExpressions;

namespace TokenGovernance.TokenDetection
{
    /// <summary>Finds the <c>token=</c> value in an InfluxDB connection string or URL query (both clients accept one).</summary>
    public static class ConnectionStringToken
    {
        private static readonly Regex TokenParameter = new Regex(
            @"(?:^|[?&;\s])(?:token|authToken)\s*=\s*(?<value>[^;&\s""']+)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            System.TimeSpan.FromSeconds(1));

        /// <summary>The token value's position, or null when the text has no non-empty <c>token=</c> parameter.</summary>
        public static (int Start, int Length)? Find(string text)
        {
            if (text.IndexOf("token", System.StringComparison.OrdinalIgnoreCase) < 0)
            {
                return null;
            }

            var match = TokenParameter.Match(text);
            if (!match.Success)
            {
                return null;
            }

            var value = match.Groups["value"];
            return (value.Index, value.Length);
        }
    }
}
