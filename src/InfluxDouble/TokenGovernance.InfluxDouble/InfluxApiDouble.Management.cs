using System.Globalization;
using System.Text.Json;

namespace TokenGovernance.InfluxDouble;

/// <summary>Cloud Dedicated and Clustered: the management API's database token list.</summary>
public sealed partial class InfluxApiDouble
{
    private void MapManagementRoutes()
    {
        _app.MapGet("/api/v0/accounts/{account}/clusters/{cluster}/tokens", (HttpContext context, string account, string cluster) =>
            ManagementRespond(context, InfluxDoubleMode.CloudDedicated, json =>
                account == Data.AccountId && cluster == Data.ClusterId ? WriteDatabaseTokens(json, dedicated: true) : ManagementError(json, 404, "not found")));

        _app.MapGet("/api/v0/tokens", (HttpContext context) =>
            ManagementRespond(context, InfluxDoubleMode.Clustered, json => WriteDatabaseTokens(json, dedicated: false)));
    }

    private Task ManagementRespond(HttpContext context, InfluxDoubleMode mode, Func<Utf8JsonWriter, int> respond) => WriteJsonAsync(context, json =>
    {
        if (Mode != mode)
        {
            return 404;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header == "Bearer " + Data.ManagementToken ? respond(json) : ManagementError(json, 401, "unauthorized");
    });

    private int WriteDatabaseTokens(Utf8JsonWriter json, bool dedicated)
    {
        json.WriteStartArray();
        foreach (var token in Data.DatabaseTokens)
        {
            json.WriteStartObject();
            if (dedicated)
            {
                json.WriteString("accountId", Data.AccountId);
                json.WriteString("clusterId", Data.ClusterId);
            }

            json.WriteString("id", token.Id);
            json.WriteString("description", token.Description);
            json.WriteStartArray("permissions");
            foreach (var (action, resource) in token.Permissions)
            {
                json.WriteStartObject();
                json.WriteString("action", action);
                json.WriteString("resource", resource);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("createdAt", Rfc3339(token.CreatedAt));
            if (token.ExpiresAt is { } expiresAt)
            {
                json.WriteString("expiresAt", Rfc3339(expiresAt));
            }

            if (token.RevokedAt is { } revokedAt)
            {
                json.WriteString("revokedAt", Rfc3339(revokedAt));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        return 200;
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static int ManagementError(Utf8JsonWriter json, int status, string message)
    {
        json.WriteStartObject();
        json.WriteNumber("code", status);
        json.WriteString("message", message);
        json.WriteEndObject();
        return status;
    }
}
