using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting.Authentication;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.AuditWorker.Scheduling;
using TokenGovernance.AuditWorker.Telemetry;

namespace TokenGovernance.AuditWorker.Hosting;

/// <summary>The always-on worker: Quartz schedule, Prometheus metrics and health endpoints.</summary>
public static class WorkerHost
{
    public const string DefaultUrls = "http://0.0.0.0:8080";

    public static async Task<int> RunAsync(WorkerSettings settings, CancellationToken cancellationToken)
    {
        await using var demo = settings.Demo ? await DemoTarget.StartAsync(TimeProvider.System) : null;
        await using var app = Build(settings, demo);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TokenGovernance");
        app.Services.GetValidatedOptions();
        if (demo is not null)
        {
            logger.LogWarning("DEMO MODE: auditing the built-in InfluxDB doubles at {Url} (v2) and {V3Url} (InfluxDB 3) with made-up data; these are not real servers", demo.Server.Url, demo.V3Server.Url);
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            // Kestrel's AddressInUseException and other bind failures: one line, not a stack trace.
            throw new ListenException($"cannot listen on {app.Urls.FirstOrDefault() ?? settings.Urls ?? DefaultUrls}: {Audit.Safety.ServerText.OneLine(exception.Message)}", exception);
        }

        await app.WaitForShutdownAsync(cancellationToken);

        // A component that stopped the host because it cannot go on sets the process exit code first.
        return Environment.ExitCode is var code and not 0 ? code : ExitCodes.Success;
    }

    /// <summary>
    /// Builds the worker without running it (tests start it on 127.0.0.1:0). <paramref name="customize"/> adds
    /// configuration sources and logging before the services are registered.
    /// </summary>
    public static WebApplication Build(WorkerSettings settings, DemoTarget? demo = null, Action<WebApplicationBuilder>? customize = null)
    {
        if (settings.Urls is not null && ListenUrls.Problem(settings.Urls) is { } problem)
        {
            throw new ConfigurationException($"--urls '{settings.Urls}' {problem}");
        }

        var args = settings.Urls is null ? Array.Empty<string>() : ["--urls", settings.Urls];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddTokenGovernanceSources(settings.ConfigFile);
        if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null && builder.Configuration["https_ports"] is null)
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.Logging.AddTokenGovernanceLogging(builder.Configuration, toStandardError: false);
        customize?.Invoke(builder);
        builder.Services.AddTokenGovernanceCore(builder.Configuration);
        builder.Services.AddAuditScheduling(builder.Configuration);
        builder.Services.AddAuditTelemetry();
        builder.Services.AddEndpointAuthentication();
        builder.Services.AddSingleton<CertificateFiles>();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // https:// addresses of --urls take the Http:Tls certificate, the current one at each new connection.
            kestrel.ConfigureHttpsDefaults(https =>
            {
                var certificates = kestrel.ApplicationServices.GetRequiredService<CertificateFiles>();
                if (kestrel.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HttpEndpointOptions>>().Value.Tls.IsConfigured)
                {
                    https.ServerCertificateSelector = (_, _) => certificates.Current;
                }
            });
        });
        if (demo is not null)
        {
            builder.Services.PostConfigure<TokenGovernanceOptions>(demo.Apply);
        }

        var app = builder.Build();
        app.Services.GetValidatedOptions();
        app.Services.GetRequiredService<AuditMetrics>();
        app.MapTokenGovernanceEndpoints();
        return app;
    }
}
