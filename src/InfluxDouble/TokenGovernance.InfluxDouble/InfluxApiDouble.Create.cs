using System.Security.Cryptography;
using System.Text.Json;

namespace TokenGovernance.InfluxDouble;

/// <summary>
/// <c>POST /api/v2/authorizations</c> and <c>DELETE /api/v2/authorizations/{id}</c> as OSS authorizes them: creating
/// for a user needs <c>write:orgs/{org}/authorizations</c> and <c>write:users/{user}</c> (or the caller's own user),
/// and the caller must hold every permission it grants; <c>instance</c> can never be granted. The answer to a create
/// is the only time the value is shown, even in the modes that hide values elsewhere.
/// </summary>
public sealed partial class InfluxApiDouble
{
    /// <summary>Makes the next create fail after the token was made (the answer is a 500): a server that made a token but could not say so.</summary>
    public bool FailCreateAfterMaking { get; set; }

    private void MapCreateRoutes()
    {
        _app.MapPost("/api/v2/authorizations", async (HttpContext context) =>
        {
            JsonElement request;
            try
            {
                request = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
            }
            catch (JsonException)
            {
                request = default;
            }

            await Authenticated(context, (caller, json) => Create(context, caller, request, json));
        });

        _app.MapDelete("/api/v2/authorizations/{id}", (HttpContext context, string id) => Authenticated(context, (caller, json) =>
        {
            if (Visible(caller, id) is not { } authorization)
            {
                return Error(context, json, 404, "not found", "authorization not found");
            }

            if (!Holds(caller, "write", "authorizations", authorization.OrgId, null) || (authorization.UserId != caller.UserId && !Holds(caller, "write", "users", null, authorization.UserId)))
            {
                return Error(context, json, 401, "unauthorized", $"write:users/{authorization.UserId} is unauthorized");
            }

            Data.Authorizations.Remove(authorization);
            Data.Changed();
            context.Response.ContentLength = 0;
            return 204;
        }));
    }

    private int Create(HttpContext context, DoubleAuthorization caller, JsonElement request, Utf8JsonWriter json)
    {
        if (request.ValueKind != JsonValueKind.Object
            || !request.TryGetProperty("orgID", out var orgProperty) || orgProperty.GetString() is not { Length: > 0 } orgId
            || !request.TryGetProperty("permissions", out var permissionsProperty) || permissionsProperty.ValueKind != JsonValueKind.Array)
        {
            return Error(context, json, 400, "invalid", "orgID and permissions are required");
        }

        var userId = request.TryGetProperty("userID", out var userProperty) && userProperty.GetString() is { Length: > 0 } named ? named : caller.UserId;
        if (Data.FindOrganization(orgId) is null)
        {
            return Error(context, json, 400, "invalid", "organization not found");
        }

        if (Data.FindUser(userId) is null)
        {
            return Error(context, json, 400, "invalid", "user not found");
        }

        if (!Holds(caller, "write", "authorizations", orgId, null))
        {
            return Error(context, json, 401, "unauthorized", $"write:orgs/{orgId}/authorizations is unauthorized");
        }

        if (userId != caller.UserId && !Holds(caller, "write", "users", null, userId))
        {
            return Error(context, json, 401, "unauthorized", $"write:users/{userId} is unauthorized");
        }

        var permissions = new List<DoublePermission>();
        foreach (var permission in permissionsProperty.EnumerateArray())
        {
            var action = permission.TryGetProperty("action", out var a) ? a.GetString() : null;
            var resource = permission.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
            var type = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (action is not ("read" or "write") || type is null)
            {
                return Error(context, json, 400, "invalid", "a permission needs an action (read or write) and a resource type");
            }

            if (type == "instance")
            {
                return Error(context, json, 400, "invalid", "instance permissions cannot be granted");
            }

            var id = resource.TryGetProperty("id", out var i) ? i.GetString() : null;
            var scope = resource.TryGetProperty("orgID", out var o) ? o.GetString() : null;
            if (!Holds(caller, action, type, scope, id))
            {
                return Error(context, json, 401, "unauthorized", $"{action}:{(scope is null ? string.Empty : $"orgs/{scope}/")}{type}{(id is null ? string.Empty : $"/{id}")} is unauthorized");
            }

            permissions.Add(new DoublePermission(action, type, id, scope));
        }

        var created = new DoubleAuthorization
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Token = InfluxDataSetBuilder.NewTokenValue(),
            OrgId = orgId,
            UserId = userId,
            Description = request.TryGetProperty("description", out var description) ? description.GetString() ?? string.Empty : string.Empty,
            Status = request.TryGetProperty("status", out var status) && status.GetString() == "inactive" ? "inactive" : "active",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        created.Permissions.AddRange(permissions);
        Data.Authorizations.Add(created);
        Data.Changed();
        if (FailCreateAfterMaking)
        {
            FailCreateAfterMaking = false;
            return Error(context, json, 500, "internal error", "unexpected error");
        }

        InfluxResponseWriter.WriteAuthorization(json, created, Data, Mode, showValue: true);
        return 201;
    }

    /// <summary>Whether the caller holds a permission covering this one (OSS <c>authz.go</c>: no org or the same org, no id or the same id).</summary>
    private static bool Holds(DoubleAuthorization caller, string action, string type, string? orgId, string? id) =>
        caller.Permissions.Any(held => held.Action == action && held.Type == type
            && (held.OrgId is null || held.OrgId == orgId)
            && (held.Id is null || held.Id == id));
}
