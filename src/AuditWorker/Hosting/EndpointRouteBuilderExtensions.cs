using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.AuditWorker.Health;
using TokenGovernance.AuditWorker.Hosting.Authentication;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Hosting;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c> and, when enabled, <c>/report</c> and <c>/tokens</c>. With an
    /// authentication mode, <c>/report</c> and <c>/tokens</c> (and <c>/metrics</c> with ProtectMetrics) are guarded.
    /// </summary>
    public static WebApplication MapTokenGovernanceEndpoints(this WebApplication app)
    {
        var authentication = app.Services.GetRequiredService<IOptions<HttpEndpointOptions>>().Value.Authentication;
        var guarded = authentication.Mode != EndpointAuthenticationOptions.None;
        if (guarded)
        {
            app.UseMiddleware<Authentication.EndpointGuard>();
        }

        var metrics = app.MapPrometheusScrapingEndpoint("/metrics");
        if (guarded && authentication.ProtectMetrics)
        {
            metrics.WithMetadata(new Authentication.GuardedEndpoint("/metrics"));
        }

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapGet("/report", async (HttpContext context, AuditStateStore state, IOptions<HttpEndpointOptions> http, Remediation.RemediationStatus remediation) =>
        {
            if (!http.Value.ExposeReport)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("/report is disabled: set TokenGovernance:Http:ExposeReport=true\n");
                return;
            }

            var report = state.LatestReport();
            if (report is null)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("no audit has finished yet\n");
                return;
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            var document = ReportDocumentBuilder.Build(report);
            if (remediation.Enabled)
            {
                document.Remediation = report.Targets.Select(target => state.Targets.GetValueOrDefault(target.Target)?.LastSuccess)
                    .OfType<TargetAuditResult>().Select(remediation.PlanFor).OfType<Audit.Remediation.RemediationPlan>()
                    .SelectMany(plan => plan.Actions)
                    .Select(action => new ReportRemediationAction(action.Target, action.TokenId, action.Rule, action.Action, action.State, action.DueAt, action.Reason))
                    .ToList();
            }

            await JsonReportWriter.ForAsynchronousOutput().WriteAsync(document, context.Response.Body, context.RequestAborted);
        }).WithMetadata(new Authentication.GuardedEndpoint("/report"));
        app.MapGet("/tokens", TokensEndpoint.HandleAsync).WithMetadata(new Authentication.GuardedEndpoint("/tokens"));
        return app;
    }
}
