using TokenGovernance.AuditWorker.Tests.Support;
using static TokenGovernance.AuditWorker.Tests.Support.HostileResponses;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// A 5xx or 429 that is retried, whose reason phrase and body echo the request's Authorization header, with a
/// secret that is not token-shaped (so masking shapes cannot save it): a custom v2 admin token, a management JWT, a
/// short <c>apiv3_</c> value, a value with spaces. The retry warning on stderr and the failure line must name neither
/// the value nor a piece of it. Each product sends its secret in its own scheme (<c>Token</c> or <c>Bearer</c>).
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class RetriedServerTextTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private HostileServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new HostileServer(upstreamDouble: null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("influxdb2", "503", "custom-admin-c4n4ry", "my-custom-admin-secret-c4n4ry")]
    [InlineData("influxdb2", "429", "custom-admin-429", "Adm1n!c4n4ry-value-for-429")]
    [InlineData("influxdb3", "503", "short-apiv3", "apiv3_c4n4ryShort")]
    [InlineData("cloud-dedicated", "503", "management-jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjNG40cnkifQ.c2lnbmF0dXJlLWM0bjRyeQ")]
    [InlineData("clustered", "500", "clustered-custom", "Clustered-Mgmt-c4n4ry!")]
    public async Task A_retried_answer_that_echoes_the_secret_never_prints_it(string kind, string status, string caseName, string secret)
    {
        var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
        _server.Script(caseName, new HostileScript("/", Echo(token => "Service Token " + token, token => $$"""{"message":"bad token {{token}}"}""", status: code)));
        var tokenFile = _directory.File(caseName + "-token", secret + "\n");
        var extra = kind == "cloud-dedicated" ? ", \"AccountId\": \"11111111-1111-1111-1111-111111111111\", \"ClusterId\": \"22222222-2222-2222-2222-222222222222\", \"ManagementUrl\": \"" + _server.UrlFor(caseName) + "\"" : string.Empty;
        var target = $$"""{"Name": "hostile", "Kind": "{{kind}}", "Url": "{{_server.UrlFor(caseName)}}", "TokenFile": "{{tokenFile}}"{{extra}}}""";
        var config = _directory.File(caseName + ".json", $$"""
            {"TokenGovernance": {
              "Targets": [{{target}}],
              "Client": {"MaxRetries": 2, "RetryBaseDelay": "00:00:00.010", "AttemptTimeout": "00:00:05", "TotalTimeout": "00:00:20"}
            } }
            """);

        var run = await AdversarialAssert.RunAsync(["audit", "--config", config, "--format", "json", "--fail-on", "none"]);

        AdversarialAssert.NoCrash(run);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StandardError}");
        Assert.Contains("attempt 1 of 3", run.StandardError, StringComparison.Ordinal);
        Assert.Contains($"{code} Service Token [token]", run.StandardError, StringComparison.Ordinal);
        AdversarialAssert.NoCanary([secret], ("stderr", run.StandardError), ("stdout", run.StandardOutput));
    }
}
