namespace TokenGovernance.Audit.Configuration;

/// <summary>A URL setting (a target's <c>Url</c>, a product's API URL): absolute http(s), and never carrying a credential.</summary>
public static class UrlSetting
{
    public static void Check(string path, string? text, List<string> problems)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{path} '{text}' is not an absolute http:// or https:// URL");
        }
        else if (url.Query.Contains("token", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(url.UserInfo))
        {
            problems.Add($"{path} must not carry credentials; use TokenFile or TokenEnv");
        }
    }
}
