using Microsoft.Extensions.Options;

namespace TokenGovernance.AuditWorker.Hosting.Authentication;

public static class EndpointAuthenticationServiceCollectionExtensions
{
    /// <summary>The authenticator <c>Http:Authentication:Mode</c> names; with <c>none</c> one that admits nobody (no endpoint is guarded then).</summary>
    /// <summary><c>TokenGovernance:Http</c>, bound and validated at start.</summary>
    public static IServiceCollection AddHttpEndpointOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<HttpEndpointOptions, HttpEndpointOptionsValidator>().Bind(configuration.GetSection(HttpEndpointOptions.Section));
        return services;
    }

    public static IServiceCollection AddEndpointAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<BearerTokenAuthenticator>();
        services.AddSingleton<KubernetesAuthenticator>();
        services.AddSingleton<IEndpointAuthenticator>(provider => provider.GetRequiredService<IOptions<HttpEndpointOptions>>().Value.Authentication.Mode switch
        {
            EndpointAuthenticationOptions.Bearer => provider.GetRequiredService<BearerTokenAuthenticator>(),
            EndpointAuthenticationOptions.Kubernetes => provider.GetRequiredService<KubernetesAuthenticator>(),
            _ => new NobodyAuthenticator(),
        });
        return services;
    }

    /// <summary>Mode <c>none</c>: nothing is guarded (validation keeps the inventory closed); were something, nobody gets in.</summary>
    private sealed class NobodyAuthenticator : IEndpointAuthenticator
    {
        public Task<EndpointAccess> CheckAsync(string? token, string path, CancellationToken cancellationToken) =>
            Task.FromResult(new EndpointAccess(AccessVerdict.Unavailable, null, "no authentication is configured (Http:Authentication:Mode is 'none')"));
    }
}
