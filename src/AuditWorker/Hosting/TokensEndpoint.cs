using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.AuditWorker.Hosting.Authentication;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>
/// <c>GET /tokens</c>: the token list of the latest snapshot (every replica serves the same), with the filters of
/// <c>tokengov tokens</c> as query parameters (<c>?user=alice&amp;can=write&amp;status=active</c>) and <c>format</c>
/// json (default), csv or table. 404 unless <c>Http:ExposeTokens</c>, 400 for a filter it cannot read, 503 before the
/// first audit with tokens; a target whose latest audit failed is listed with its error and <c>complete: false</c>.
/// </summary>
public static class TokensEndpoint
{
    public static async Task HandleAsync(HttpContext context, AuditStateStore state, IOptions<HttpEndpointOptions> http, TimeProvider time)
    {
        if (!http.Value.ExposeTokens)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "/tokens is disabled: set TokenGovernance:Http:ExposeTokens=true");
            return;
        }

        var format = context.Request.Query["format"] is { Count: > 0 } formats ? formats[^1] ?? "json" : "json";
        if (TokenListWriters.Find(format) is not { } writer)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, $"format '{format}' is not {TokenListWriters.Described}");
            return;
        }

        TokenQuery query;
        try
        {
            query = TokenQueryParser.Parse(
                context.Request.Query.Where(pair => pair.Key != "format").SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value ?? string.Empty))),
                prefix: string.Empty);
        }
        catch (TokenQueryException exception)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, exception.Message);
            return;
        }

        var report = state.LatestReport();
        if (report is null || report.Targets.All(target => target.Tokens is null && target.Error is null))
        {
            await PlainAsync(context, StatusCodes.Status503ServiceUnavailable, "no audit with a token list has finished yet");
            return;
        }

        context.Response.ContentType = format switch
        {
            "json" => "application/json; charset=utf-8",
            "csv" => "text/csv; charset=utf-8",
            _ => "text/plain; charset=utf-8",
        };
        await writer.WriteAsync(TokenListing.From(report, query, time.GetUtcNow()), context.Response.Body, context.RequestAborted);
    }

    private static async Task PlainAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n");
    }
}
