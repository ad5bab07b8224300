using System.Text.Json;

namespace TokenGovernance.InfluxDouble;

/// <summary>Writes the double's JSON in the shapes OSS emits (REFERENCE.md §1, §6), streaming to the response.</summary>
internal static class InfluxResponseWriter
{
    /// <param name="showValue">The answer to a create: the value is shown whatever the mode (the only time OSS ≥ 2.9 and Cloud show it).</param>
    public static void WriteAuthorization(Utf8JsonWriter json, DoubleAuthorization authorization, InfluxDataSet data, InfluxDoubleMode mode, bool showValue = false)
    {
        var org = data.FindOrganization(authorization.OrgId);
        var user = data.FindUser(authorization.UserId);
        json.WriteStartObject();
        json.WriteString("id", authorization.Id);
        json.WriteString("token", showValue ? authorization.Token : mode switch
        {
            InfluxDoubleMode.Oss27 => authorization.Token,
            InfluxDoubleMode.Oss29 => string.Empty,
            _ => "redacted",
        });
        json.WriteString("status", authorization.Status);
        json.WriteString("description", authorization.Description);
        json.WriteString("orgID", authorization.OrgId);
        json.WriteString("org", org?.Name ?? string.Empty);
        json.WriteString("userID", authorization.UserId);
        json.WriteString("user", user?.Name ?? string.Empty);
        json.WriteStartArray("permissions");
        foreach (var permission in authorization.Permissions)
        {
            WritePermission(json, permission, data);
        }

        json.WriteEndArray();
        json.WriteStartObject("links");
        json.WriteString("self", "/api/v2/authorizations/" + authorization.Id);
        json.WriteString("user", "/api/v2/users/" + authorization.UserId);
        json.WriteEndObject();
        json.WriteString("createdAt", authorization.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));
        json.WriteString("updatedAt", authorization.UpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ"));
        json.WriteEndObject();
    }

    private static void WritePermission(Utf8JsonWriter json, DoublePermission permission, InfluxDataSet data)
    {
        json.WriteStartObject();
        json.WriteString("action", permission.Action);
        json.WriteStartObject("resource");
        json.WriteString("type", permission.Type);
        if (permission.Id is not null)
        {
            json.WriteString("id", permission.Id);
        }

        if (permission.OrgId is not null)
        {
            json.WriteString("orgID", permission.OrgId);
        }

        // OSS fills name for buckets/orgs/users with an id and org for an orgID; a deleted resource gets neither.
        var name = permission.Id is null ? null : permission.Type switch
        {
            "buckets" => data.FindBucket(permission.Id)?.Name,
            "orgs" => data.FindOrganization(permission.Id)?.Name,
            "users" => data.FindUser(permission.Id)?.Name,
            _ => null,
        };
        var resourceGone = permission.Id is not null && permission.Type is "buckets" or "orgs" && name is null;
        if (name is not null)
        {
            json.WriteString("name", name);
        }

        if (permission.OrgId is not null && !resourceGone && data.FindOrganization(permission.OrgId) is { } org)
        {
            json.WriteString("org", org.Name);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteUser(Utf8JsonWriter json, DoubleUser user, string? role = null)
    {
        json.WriteStartObject();
        json.WriteStartObject("links");
        json.WriteString("self", "/api/v2/users/" + user.Id);
        json.WriteEndObject();
        json.WriteString("id", user.Id);
        json.WriteString("name", user.Name);
        json.WriteString("status", user.Status);
        if (role is not null)
        {
            json.WriteString("role", role);
        }

        json.WriteEndObject();
    }

    public static void WriteOrganization(Utf8JsonWriter json, DoubleOrganization org)
    {
        json.WriteStartObject();
        json.WriteStartObject("links");
        json.WriteString("self", "/api/v2/orgs/" + org.Id);
        json.WriteString("members", "/api/v2/orgs/" + org.Id + "/members");
        json.WriteEndObject();
        json.WriteString("id", org.Id);
        json.WriteString("name", org.Name);
        json.WriteString("description", string.Empty);
        json.WriteString("createdAt", "2023-01-01T00:00:00Z");
        json.WriteString("updatedAt", "2023-01-01T00:00:00Z");
        json.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter json, string code, string message)
    {
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("message", message);
        json.WriteEndObject();
    }
}
