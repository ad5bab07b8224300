using Microsoft.Net.Http.Headers;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

/// <summary>
/// Checks every request to an endpoint marked <see cref="GuardedEndpoint"/> before it runs: 401 with
/// <c>WWW-Authenticate: Bearer</c> without an accepted token, 403 when the caller may not read the path, 503 when that
/// cannot be decided (fail closed). The caller's name is logged for each denied request at Information and each served
/// one at Debug; a token never is.
/// </summary>
public sealed partial class EndpointGuard(RequestDelegate next, IEndpointAuthenticator authenticator, ILogger<EndpointGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GuardedEndpoint>() is not { } guarded)
        {
            await next(context);
            return;
        }

        var access = await authenticator.CheckAsync(BearerToken(context.Request), guarded.Path, context.RequestAborted);
        switch (access.Verdict)
        {
            case AccessVerdict.Allowed:
                Served(logger, guarded.Path, access.Caller ?? "?");
                await next(context);
                return;
            case AccessVerdict.Unauthenticated:
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"tokengov\"";
                break;
            case AccessVerdict.Forbidden:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
        }

        Denied(logger, guarded.Path, context.Response.StatusCode, access.Caller ?? "unauthenticated caller", access.Reason ?? string.Empty);
        await context.Response.WriteAsync($"{guarded.Path}: {access.Reason}\n");
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Debug, Message = "Served {Path} to {Caller}")]
    private static partial void Served(ILogger logger, string path, string caller);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Denied {Path} ({Status}) to {Caller}: {Reason}")]
    private static partial void Denied(ILogger logger, string path, int status, string caller, string reason);
}
