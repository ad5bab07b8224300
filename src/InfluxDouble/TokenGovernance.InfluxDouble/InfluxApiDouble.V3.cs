using System.Globalization;
using System.Text.Json;

namespace TokenGovernance.InfluxDouble;

/// <summary>InfluxDB 3 Core/Enterprise: <c>system.tokens</c> through <c>/api/v3/query_sql</c>, and <c>/ping</c>.</summary>
public sealed partial class InfluxApiDouble
{
    /// <summary>The queries the double understands (a real server runs any SQL; tokengov sends these two).</summary>
    public const string TokensQuery = "SELECT * FROM system.tokens";

    public const string AuthProbeQuery = "SELECT token_id FROM system.tokens LIMIT 1";

    /// <summary>
    /// Who each InfluxDB 3 request came from: the token's name, <c>(none)</c> without a token, <c>(unknown)</c> for a
    /// value the server does not know. Tests read it to prove a found value was never sent. The last
    /// <see cref="RequestLogSize"/> only, as <see cref="Requests"/>.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> V3Callers { get; } = new();

    private void MapV3Routes()
    {
        _app.MapGet("/ping", context => V3Respond(context, json =>
        {
            json.WriteStartObject();
            json.WriteString("version", "3.8.0");
            json.WriteString("revision", "0000000");
            json.WriteString("process_id", "00000000-0000-4000-8000-000000000000");
            json.WriteEndObject();
            return 200;
        }));

        _app.MapGet("/api/v3/query_sql", context => V3Respond(context, json =>
        {
            var query = context.Request.Query;
            if (query["db"] != "_internal" || query["format"] is { Count: > 0 } format && format != "json")
            {
                return V3Error(json, 400, "this double answers db=_internal with format=json only");
            }

            var sql = query["q"].ToString();
            var rows = sql switch
            {
                TokensQuery => Data.V3Tokens,
                AuthProbeQuery => Data.V3Tokens.Take(1).ToList(),
                _ => null,
            };
            if (rows is null)
            {
                return V3Error(json, 400, "this double answers the system.tokens queries tokengov sends only");
            }

            json.WriteStartArray();
            foreach (var row in rows)
            {
                WriteV3Row(json, row, sql == AuthProbeQuery, withHash: !Data.WithoutAuth);
            }

            json.WriteEndArray();
            return 200;
        }));
    }

    /// <summary>Checks the bearer token as InfluxDB 3 does (unless <c>--without-auth</c>), then lets <paramref name="respond"/> write the body.</summary>
    private Task V3Respond(HttpContext context, Func<Utf8JsonWriter, int> respond) => WriteJsonAsync(context, json =>
    {
        if (!Mode.IsV3())
        {
            return 404;
        }

        if (Data.WithoutAuth)
        {
            Called("(not checked)");
        }
        else
        {
            var header = context.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
            var caller = token is null ? null : Data.V3Tokens.FirstOrDefault(candidate => candidate.Token == token);
            Called(caller?.Name ?? (token is null ? "(none)" : "(unknown)"));
            if (caller is null || caller.Expiry is { } expiry && expiry <= DateTimeOffset.UtcNow)
            {
                return V3Error(json, 401, "the request was not authenticated");
            }

            if (!caller.IsAdmin && !caller.Permissions.Contains("system:*:read", StringComparison.Ordinal) && !caller.Permissions.Contains("db:_internal:read", StringComparison.Ordinal))
            {
                return V3Error(json, 403, "the token does not have access to the _internal database");
            }
        }

        return respond(json);
    });

    private void Called(string caller)
    {
        V3Callers.Enqueue(caller);
        while (V3Callers.Count > RequestLogSize && V3Callers.TryDequeue(out _))
        {
            // A demo worker left running for days must not grow without end.
        }
    }

    private static void WriteV3Row(Utf8JsonWriter json, DoubleV3Token row, bool idOnly, bool withHash)
    {
        json.WriteStartObject();
        json.WriteNumber("token_id", row.Id);
        if (!idOnly)
        {
            json.WriteString("name", row.Name);

            // The hash is listed only when the server checks tokens (influxdb3_system_tables/src/tokens.rs).
            if (withHash)
            {
                json.WriteString("hash", row.HashPrefix);
            }

            WriteTimestamp(json, "created_at", row.CreatedAt);
            WriteNullable(json, "description", row.Description);
            if (row.CreatedBy is { } createdBy)
            {
                json.WriteNumber("created_by_token_id", createdBy);
            }
            else
            {
                json.WriteNull("created_by_token_id");
            }

            WriteTimestamp(json, "updated_at", row.UpdatedAt);
            json.WriteNull("updated_by_token_id");
            WriteTimestamp(json, "expiry", row.Expiry);
            json.WriteString("permissions", row.Permissions);
        }

        json.WriteEndObject();
    }

    /// <summary>Arrow's JSON writer prints a millisecond timestamp without an offset (it is UTC).</summary>
    private static void WriteTimestamp(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static int V3Error(Utf8JsonWriter json, int status, string message)
    {
        json.WriteStartObject();
        json.WriteString("error", message);
        json.WriteEndObject();
        return status;
    }

    /// <summary>Writes the JSON <paramref name="respond"/> produces under the data lock, with its status; 404 writes nothing.</summary>
    private async Task WriteJsonAsync(HttpContext context, Func<Utf8JsonWriter, int> respond)
    {
        var buffer = new MemoryStream();
        int status;
        await using (var json = new Utf8JsonWriter(buffer))
        {
            lock (DataLock)
            {
                status = respond(json);
            }

            await json.FlushAsync();
        }

        context.Response.StatusCode = status;
        if (buffer.Length == 0)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        buffer.Position = 0;
        context.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(context.Response.Body);
    }
}
