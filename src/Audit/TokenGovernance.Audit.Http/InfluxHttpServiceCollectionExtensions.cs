using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Http;


public static class InfluxHttpServiceCollectionExtensions
{
    public const string RetryLogCategory = "TokenGovernance.Influx.Retry";

    /// <summary>
    /// Registers the HttpClients every product reader calls through: pooled, with jittered exponential retries on
    /// 5xx/408/429 that honour <c>Retry-After</c>, per-attempt and total timeouts and a circuit breaker. The standard
    /// proxy variables apply. Redirects are not followed: the runtime drops the token on every redirect, so a
    /// redirected call could only come back unauthenticated (or, from another origin, with an answer that is not the
    /// target's). Targets with a CA bundle get a client of their own (<see cref="InfluxHttpClientNames.For"/>).
    /// Safe to call from several readers: it registers once.
    /// </summary>
    public static IServiceCollection AddInfluxHttpClients(this IServiceCollection services, IEnumerable<TargetOptions> configuredTargets)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(InfluxHttpClientsMarker)))
        {
            return services;
        }

        services.AddSingleton<InfluxHttpClientsMarker>();
        services.AddHttpClient(InfluxHttpClientNames.Default)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddInfluxResilience();

        foreach (var target in configuredTargets.Where(target => !string.IsNullOrWhiteSpace(target.CaBundleFile)))
        {
            var bundle = target.CaBundleFile!;
            services.AddHttpClient(InfluxHttpClientNames.For(target))
                .ConfigurePrimaryHttpMessageHandler(() => CreateHandlerTrusting(bundle))
                .AddInfluxResilience();
        }

        return services;
    }

    private sealed class InfluxHttpClientsMarker;

    private static IHttpClientBuilder AddInfluxResilience(this IHttpClientBuilder builder)
    {
        // The resilience pipeline owns timeouts; HttpClient's own 100 s limit must not cut a long download short.
        builder.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions options, IServiceProvider services) =>
        {
            var client = services.GetRequiredService<IOptions<TokenGovernanceOptions>>().Value.Client;
            options.Retry.MaxRetryAttempts = Math.Max(client.MaxRetries, 1);
            options.Retry.Delay = client.RetryBaseDelay;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.ShouldRetryAfterHeader = true;

            // A create that timed out may have been made: a retry could make a second token (a re-issue's POST).
            options.Retry.DisableFor(HttpMethod.Post);
            options.AttemptTimeout.Timeout = client.AttemptTimeout;
            options.TotalRequestTimeout.Timeout = client.TotalTimeout;
            options.CircuitBreaker.SamplingDuration = client.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);

            // Polly's own retry events carry a full stack trace per attempt (its category is filtered out in
            // LoggingSetup); this is the one line an operator needs instead.
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(RetryLogCategory);
            options.Retry.OnRetry = arguments =>
            {
                var request = arguments.Context.GetRequestMessage();

                // The reason phrase is the server's text about this very request: it may echo its Authorization
                // header, and a secret that is not token-shaped (a custom admin token, a JWT) is masked only by name.
                var cause = arguments.Outcome.Exception is { } exception
                    ? exception is Polly.Timeout.TimeoutRejectedException ? "timed out" : TransportErrors.Describe(exception)
                    : $"{(int?)arguments.Outcome.Result?.StatusCode} {Safety.ServerText.OneLine(arguments.Outcome.Result?.ReasonPhrase, RequestSecrets.Of(request))}".Trim();
                var method = request?.Method.Method ?? "GET";
                var path = request?.RequestUri?.AbsolutePath ?? "?";
                var attempts = Math.Max(client.MaxRetries, 1) + 1;
                logger.RetryingCall(method, path, cause, arguments.AttemptNumber + 1, attempts, arguments.RetryDelay.TotalSeconds);
                if (arguments.Outcome.Exception is { } failure && logger.IsEnabled(LogLevel.Debug))
                {
                    // The exception's message can quote a URL or a header: only its type and stack go out, cleaned.
                    logger.AttemptFailed(method, path, arguments.AttemptNumber + 1, new RetryFailure(failure));
                }

                return default;
            };
        });
        return builder;
    }

    /// <summary>An attempt's exception for the debug log: the cause as <see cref="TransportErrors"/> words it, the original's stack.</summary>
    private sealed class RetryFailure(Exception original) : Exception($"{original.GetType().Name}: {TransportErrors.Describe(original)}")
    {
        public override string? StackTrace => original.StackTrace;
    }

    private static SocketsHttpHandler CreateHandlerTrusting(string bundlePath)
    {
        var authorities = CaBundle.Load(bundlePath);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(new X509Certificate2(certificate));
                },
            },
        };
    }
}

public static class InfluxHttpClientNames
{
    public const string Default = "influx";

    /// <summary>Targets with their own CA bundle get their own handler; all others share one.</summary>
    public static string For(TargetOptions target) =>
        string.IsNullOrWhiteSpace(target.CaBundleFile) ? Default : Default + ":" + target.Name;
}
