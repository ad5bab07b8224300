using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.TokenNamedLiteralAnalyzer>;
using VerifySink = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.ConstantTokenAtSinkAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>The credentials of other services that pass through InfluxDB's API are not InfluxDB API tokens.</summary>
public class ThirdPartySecretTests
{
    private const string Endpoint = """
        using InfluxDB.Client.Api.Domain;
        class C
        {
            HTTPNotificationEndpoint M() => new HTTPNotificationEndpoint(url: "https://hooks.example.com", token: "webhook-credential-1",
                name: "ops", authMethod: HTTPNotificationEndpoint.AuthMethodEnum.Bearer, method: HTTPNotificationEndpoint.MethodEnum.POST);
        }
        """;

    [Fact]
    public Task A_notification_endpoint_token_is_not_a_token_sink() => VerifySink.VerifyAnalyzerAsync(Endpoint);

    [Fact]
    public Task A_notification_endpoint_token_is_not_a_literal_assigned_to_a_token_name() => Verify.VerifyAnalyzerAsync(Endpoint);
}
