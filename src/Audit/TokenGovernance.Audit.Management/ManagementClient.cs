using System.Globalization;
using System.Net;
using System.Text.Json;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Management;

/// <summary>The management API calls the audit needs (<c>Authorization: Bearer</c> with a management token).</summary>
internal sealed class ManagementClient
{
    private readonly ApiCaller _caller;
    private readonly string _tokensPath;

    public ManagementClient(HttpClient http, TargetOptions target, string token, TimeSpan bodyTimeout, ReadProgress? progress = null)
    {
        _caller = new ApiCaller(http, new Uri(ManagementProducts.ManagementUrlOf(target)), token, Dialect, bodyTimeout, progress);
        _tokensPath = TokensPath(target);
    }

    /// <summary>Dedicated: <c>api/v0/accounts/{AccountId}/clusters/{ClusterId}/tokens</c>; Clustered: <c>api/v0/tokens</c>.</summary>
    public static string TokensPath(TargetOptions target)
    {
        if (!ManagementProducts.IsDedicated(target))
        {
            return "api/v0/tokens";
        }

        var settings = target.ProductSettings<ManagementSettings>();
        return $"api/v0/accounts/{Uri.EscapeDataString(settings.AccountId ?? string.Empty)}/clusters/{Uri.EscapeDataString(settings.ClusterId ?? string.Empty)}/tokens";
    }

    /// <summary>Every database token, revoked ones included (the API has no paging).</summary>
    public Task<List<DatabaseToken>> ListTokensAsync(CancellationToken cancellationToken) =>
        _caller.SendAsync(
            HttpMethod.Get, _tokensPath, jsonBody: null,
            async (stream, token) => Checked(await JsonSerializer.DeserializeAsync(stream, ManagementJsonContext.Default.ListDatabaseToken, token)),
            cancellationToken);

    private List<DatabaseToken> Checked(List<DatabaseToken>? tokens)
    {
        ResponseChecks.Elements(_tokensPath, "tokens", tokens);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < tokens!.Count; index++)
        {
            var token = tokens[index];
            ResponseChecks.Identity(_tokensPath, $"tokens[{index}]", token.Id);
            token.Id = _caller.Clean(token.Id)!;
            ResponseChecks.Unique(_tokensPath, seen, token.Id, "token");

            token.Description = _caller.Clean(token.Description);
            var permissions = ResponseChecks.Elements(_tokensPath, $"tokens[{index}].permissions", token.Permissions);
            foreach (var permission in permissions)
            {
                if (string.IsNullOrWhiteSpace(permission.Action) || string.IsNullOrWhiteSpace(permission.Resource))
                {
                    throw ResponseChecks.Malformed(_tokensPath, $"token {token.Id} has a permission without action or resource");
                }

                // The management API grants read and write, spelled so: any other action (a "WRITE", an "admin") is
                // one the rules cannot judge, so the read fails rather than TG2104 and friends silently passing it.
                if (permission.Action is not ("read" or "write"))
                {
                    throw ResponseChecks.Malformed(_tokensPath, $"token {token.Id} has the unknown permission action '{_caller.OneLine(permission.Action)}' (the management API grants 'read' and 'write')");
                }

                permission.Resource = _caller.Clean(permission.Resource);
            }
        }

        return tokens;
    }

    /// <summary>Errors as <c>{"code": 401, "message": "..."}</c>.</summary>
    private static readonly ApiDialect Dialect = new(
        "Bearer",
        body => InfluxResponses.TryRead(body, ManagementJsonContext.Default.ManagementError) is { } error
            ? (error.Code?.ToString(CultureInfo.InvariantCulture), error.Message)
            : (null, null),
        status => status switch
        {
            HttpStatusCode.Unauthorized => ": the management token was rejected (expired, or not a management token)",
            HttpStatusCode.Forbidden => ": the management token may not list this cluster's database tokens",
            HttpStatusCode.NotFound => ": no such account or cluster (check AccountId and ClusterId), or no management API at this URL",
            _ => null,
        });
}
