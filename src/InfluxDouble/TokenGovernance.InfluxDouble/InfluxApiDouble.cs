using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TokenGovernance.InfluxDouble;

/// <summary>
/// An InfluxDB v2 API double on a real Kestrel server bound to 127.0.0.1 on a free port. One implementation serves
/// the demo, the tests and the benchmarks. It answers the audit's endpoints in OSS 2.7, OSS ≥ 2.9 or Cloud shape,
/// enforces token visibility as InfluxDB does, and plays injected faults.
/// </summary>
public sealed partial class InfluxApiDouble : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InfluxApiDouble(WebApplication app, InfluxDataSet data, InfluxDoubleMode mode)
    {
        _app = app;
        Data = data;
        Mode = mode;
    }

    public InfluxDataSet Data { get; }

    public InfluxDoubleMode Mode { get; set; }

    public FaultInjector Faults { get; } = new();

    /// <summary>Holds the N-th request after it is armed (a test kills its client meanwhile).</summary>
    public RequestHold Hold { get; } = new();

    /// <summary>The last <see cref="RequestLogSize"/> requests as <c>METHOD /path?query</c>, in arrival order: which calls a read or a change made.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    public const int RequestLogSize = 10_000;

    public Uri Url { get; private set; } = null!;

    /// <summary>Serialises changes tests make to <see cref="Data"/> while the worker reads it.</summary>
    public object DataLock { get; } = new();

    public static async Task<InfluxApiDouble> StartAsync(InfluxDataSet data, InfluxDoubleMode mode, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new InfluxApiDouble(app, data, mode);
        server.MapRoutes();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.Use(async (context, next) =>
        {
            if (Mode is InfluxDoubleMode.Oss27 or InfluxDoubleMode.Oss29)
            {
                context.Response.Headers["X-Influxdb-Build"] = "OSS";
                context.Response.Headers["X-Influxdb-Version"] = Mode == InfluxDoubleMode.Oss27 ? "v2.7.11" : "v2.9.0";
            }
            else if (Mode.IsV3())
            {
                context.Response.Headers["x-influxdb-build"] = Mode == InfluxDoubleMode.V3Core ? "Core" : "Enterprise";
                context.Response.Headers["x-influxdb-version"] = "3.8.0";
            }

            var path = context.Request.Path.Value ?? string.Empty;
            Requests.Enqueue(context.Request.Method + " " + path + context.Request.QueryString.Value);
            while (Requests.Count > RequestLogSize && Requests.TryDequeue(out _))
            {
                // A demo worker left running for days must not grow without end.
            }

            Faults.Enter(path);
            try
            {
                var fault = Faults.Next(path);
                if (fault is null || await PlayAsync(context, fault))
                {
                    await Hold.InvokeAsync(context, () => next(context));
                }
            }
            finally
            {
                Faults.Exit(path);
            }
        });

        MapV3Routes();
        MapManagementRoutes();
        MapCreateRoutes();

        _app.MapGet("/api/v2/orgs", context => Authenticated(context, (caller, json) =>
        {
            var (offset, limit) = Paging(context);
            if (limit is null)
            {
                return Error(context, json, 400, "invalid", "limit must be between 1 and 100");
            }

            var visible = Data.Organizations.Where(org => !org.Deleted && (Mode != InfluxDoubleMode.Cloud || org.Id == caller.OrgId));
            json.WriteStartObject();
            WriteLinks(json, "/api/v2/orgs");
            json.WriteStartArray("orgs");
            foreach (var org in visible.Skip(offset).Take(limit.Value))
            {
                InfluxResponseWriter.WriteOrganization(json, org);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return 200;
        }));

        _app.MapGet("/api/v2/users", context => Authenticated(context, (caller, json) =>
        {
            var (_, limit) = Paging(context);
            if (limit is null)
            {
                return Error(context, json, 400, "invalid", "limit must be between 1 and 100");
            }

            var after = context.Request.Query["after"].ToString();
            var name = context.Request.Query["name"].ToString();
            var id = context.Request.Query["id"].ToString();
            var users = Data.Users.Where(user => !user.Deleted).OrderBy(user => user.Id, StringComparer.Ordinal).AsEnumerable();
            if (Mode == InfluxDoubleMode.Cloud && name.Length == 0 && id.Length == 0)
            {
                // Cloud answers only ?name= and ?id=; without them the list is empty (users are managed in the UI).
                users = [];
            }
            else if (!caller.CanReadAllAuthorizations)
            {
                users = users.Where(user => user.Id == caller.UserId);
            }

            if (after.Length > 0)
            {
                users = users.Where(user => string.CompareOrdinal(user.Id, after) > 0);
            }

            // ?name= and ?id= pick one user, as the OSS contract's GET /users says (the "View tokens" recipe uses name).
            users = users.Where(user => (name.Length == 0 || user.Name == name) && (id.Length == 0 || user.Id == id));

            json.WriteStartObject();
            WriteLinks(json, "/api/v2/users");
            json.WriteStartArray("users");
            foreach (var user in users.Take(limit.Value))
            {
                InfluxResponseWriter.WriteUser(json, user);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return 200;
        }));

        _app.MapGet("/api/v2/users/{id}", (HttpContext context, string id) => Authenticated(context, (_, json) =>
        {
            var user = Data.FindUser(id);
            if (user is null)
            {
                return Error(context, json, 404, "not found", "user not found");
            }

            InfluxResponseWriter.WriteUser(json, user);
            return 200;
        }));

        _app.MapGet("/api/v2/orgs/{id}/members", (HttpContext context, string id) => Authenticated(context, (_, json) =>
        {
            if (Data.FindOrganization(id) is null)
            {
                return Error(context, json, 404, "not found", "organization not found");
            }

            var members = Data.Users.Where(user => !user.Deleted
                && Data.Authorizations.Any(authorization => authorization.UserId == user.Id && authorization.OrgId == id));
            json.WriteStartObject();
            WriteLinks(json, "/api/v2/orgs/" + id + "/members");
            json.WriteStartArray("users");
            foreach (var user in members)
            {
                InfluxResponseWriter.WriteUser(json, user, "member");
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return 200;
        }));

        _app.MapGet("/api/v2/authorizations", context => Authenticated(context, (caller, json) =>
        {
            var orgId = context.Request.Query["orgID"].ToString();
            var userId = context.Request.Query["userID"].ToString();
            var userName = context.Request.Query["user"].ToString();
            json.WriteStartObject();
            WriteLinks(json, "/api/v2/authorizations");
            json.WriteStartArray("authorizations");
            var written = 0;
            foreach (var authorization in Data.Authorizations)
            {
                if ((orgId.Length > 0 && authorization.OrgId != orgId)
                    || (userId.Length > 0 && authorization.UserId != userId)
                    || (userName.Length > 0 && Data.FindUser(authorization.UserId)?.Name != userName)
                    || (!caller.CanReadAllAuthorizations && authorization.UserId != caller.UserId)
                    || (Mode != InfluxDoubleMode.Cloud && (Data.FindUser(authorization.UserId) is null || Data.FindOrganization(authorization.OrgId) is null)))
                {
                    // OSS silently skips tokens the caller may not read and tokens whose user or org is gone.
                    continue;
                }

                InfluxResponseWriter.WriteAuthorization(json, authorization, Data, Mode);
                if (++written % 256 == 0)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            return 200;
        }));

        _app.MapGet("/api/v2/resources", context => Authenticated(context, (_, json) =>
        {
            json.WriteStartArray();
            foreach (var type in Data.ResourceTypes)
            {
                json.WriteStringValue(type);
            }

            json.WriteEndArray();
            return 200;
        }));

        _app.MapGet("/api/v2/me", context => Authenticated(context, (caller, json) =>
        {
            InfluxResponseWriter.WriteUser(json, Data.FindUser(caller.UserId)!);
            return 200;
        }));

        _app.MapGet("/api/v2/authorizations/{id}", (HttpContext context, string id) => Authenticated(context, (caller, json) =>
        {
            if (Visible(caller, id) is not { } authorization)
            {
                return Error(context, json, 404, "not found", "authorization not found");
            }

            InfluxResponseWriter.WriteAuthorization(json, authorization, Data, Mode);
            return 200;
        }));

        // AuthorizationUpdateRequest: status and description are all a v2 authorization lets anyone change.
        _app.MapPatch("/api/v2/authorizations/{id}", async (HttpContext context, string id) =>
        {
            JsonElement update;
            try
            {
                update = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
            }
            catch (JsonException)
            {
                update = default;
            }

            await Authenticated(context, (caller, json) =>
            {
                if (update.ValueKind != JsonValueKind.Object
                    || (update.TryGetProperty("status", out var status) && status.GetString() is not ("active" or "inactive")))
                {
                    return Error(context, json, 400, "invalid", "status must be active or inactive");
                }

                if (Visible(caller, id) is not { } authorization)
                {
                    return Error(context, json, 404, "not found", "authorization not found");
                }

                if (!caller.CanWriteAllAuthorizations && authorization.UserId != caller.UserId)
                {
                    return Error(context, json, 403, "forbidden", "write:authorizations is unauthorized");
                }

                if (update.TryGetProperty("status", out var newStatus))
                {
                    authorization.Status = newStatus.GetString()!;
                }

                if (update.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
                {
                    authorization.Description = description.GetString()!;
                }

                authorization.UpdatedAt = DateTimeOffset.UtcNow;
                InfluxResponseWriter.WriteAuthorization(json, authorization, Data, Mode);
                return 200;
            });
        });
    }

    /// <summary>The authorization as <c>GET /api/v2/authorizations/{id}</c> shows it to the caller, or null (404).</summary>
    private DoubleAuthorization? Visible(DoubleAuthorization caller, string id) =>
        Data.Authorizations.FirstOrDefault(candidate => candidate.Id == id) is { } authorization
        && (caller.CanReadAllAuthorizations || authorization.UserId == caller.UserId)
        && (Mode == InfluxDoubleMode.Cloud || (Data.FindUser(authorization.UserId) is not null && Data.FindOrganization(authorization.OrgId) is not null))
            ? authorization
            : null;

    /// <summary>Checks the token as InfluxDB does, then lets <paramref name="respond"/> write the body and pick the status.</summary>
    private async Task Authenticated(HttpContext context, Func<DoubleAuthorization, Utf8JsonWriter, int> respond)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        if (!Mode.IsV2())
        {
            // InfluxDB 3 and the management APIs have no /api/v2 authorizations, users or orgs.
            context.Response.StatusCode = 404;
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Token ", StringComparison.Ordinal) ? header[6..]
            : header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : string.Empty;

        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            int status;
            lock (DataLock)
            {
                var caller = Data.FindByToken(token);
                if (caller is null)
                {
                    status = Error(context, json, 401, "unauthorized", "unauthorized access");
                }
                else if (!caller.IsActive)
                {
                    status = Error(context, json, 401, "unauthorized", "token is inactive");
                }
                else if (Data.FindUser(caller.UserId) is not { Status: "active" })
                {
                    status = Error(context, json, 403, "forbidden", "User is inactive");
                }
                else
                {
                    status = respond(caller, json);
                }
            }

            await json.FlushAsync();
            context.Response.StatusCode = status;
        }

        buffer.Position = 0;
        context.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(context.Response.Body);
    }

    private static int Error(HttpContext context, Utf8JsonWriter json, int status, string code, string message)
    {
        context.Response.Headers["X-Platform-Error-Code"] = code;
        InfluxResponseWriter.WriteError(json, code, message);
        return status;
    }

    private static void WriteLinks(Utf8JsonWriter json, string self)
    {
        json.WriteStartObject("links");
        json.WriteString("self", self);
        json.WriteEndObject();
    }

    private static (int Offset, int? Limit) Paging(HttpContext context)
    {
        var offset = int.TryParse(context.Request.Query["offset"], out var parsedOffset) ? Math.Max(parsedOffset, 0) : 0;
        var limitText = context.Request.Query["limit"].ToString();
        if (limitText.Length == 0)
        {
            return (offset, 20);
        }

        return int.TryParse(limitText, out var limit) && limit is >= 1 and <= 100 ? (offset, limit) : (offset, null);
    }

    /// <summary>Plays a fault; returns true when the request should then be served normally (slow responses).</summary>
    private static async Task<bool> PlayAsync(HttpContext context, Fault fault)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case FaultKind.Slow:
                await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return !context.RequestAborted.IsCancellationRequested;
            case FaultKind.ServiceUnavailable:
                await WriteErrorAsync(response, 503, "unavailable", "service unavailable");
                return false;
            case FaultKind.TooManyRequests:
                response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(response, 429, "too many requests", "rate limit exceeded");
                return false;
            case FaultKind.Unauthorized:
                await WriteErrorAsync(response, 401, "unauthorized", "unauthorized access");
                return false;
            case FaultKind.Forbidden:
                await WriteErrorAsync(response, 403, "forbidden", "User is inactive");
                return false;
            case FaultKind.InvalidJson:
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await response.WriteAsync("<html><body>502 Bad Gateway</body></html>");
                return false;
            case FaultKind.Garbage:
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"authorizations\": [{\"id\": \u0000\u0001 ]]]"));
                return false;
            case FaultKind.TruncatedJson:
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.ContentLength = 4096;
                await response.WriteAsync("{\"links\":{\"self\":\"/api/v2/authorizations\"},\"authorizations\":[{\"id\":\"0c4e2a1b3d5f7001\",\"status\":\"act");
                await response.Body.FlushAsync();
                context.Abort();
                return false;
            default:
                return true;
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers["X-Platform-Error-Code"] = code;
        await response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["code"] = code, ["message"] = message }, DoubleJsonContext.Default.DictionaryStringString));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DoubleJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
