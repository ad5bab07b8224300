using System.Diagnostics;
using System.Text;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// A Kubernetes API that answers a list with 200, <c>Content-Length: 100000</c>, 30 bytes, then nothing: the
/// client library reads such a body without the audit's cancellation, so the audit waited for the socket forever.
/// <c>AuditTimeout</c> bounds it: the target fails with one line naming the timeout, the CLI exits 2.
/// </summary>
[Collection(AdversarialCollection.Name)]
public sealed class KubernetesStallTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private HostileServer _kubernetes = null!;
    private InfluxApiDouble _influx = null!;
    private readonly TestData _data = new((builder, test) => builder.Token(test.Alice, test.Acme, "alice writer", permissions => permissions.Write(test.Telemetry)));

    public async Task InitializeAsync()
    {
        _influx = await InfluxApiDouble.StartAsync(_data.Data, InfluxDoubleMode.Oss27);
        _kubernetes = new HostileServer(upstreamDouble: null);
    }

    public async Task DisposeAsync()
    {
        await _kubernetes.DisposeAsync();
        await _influx.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_list_whose_body_stalls_fails_the_target_at_the_audit_timeout()
    {
        _kubernetes.Script("k8s", new HostileScript("/api/v1/namespaces/", async exchange =>
        {
            await exchange.WriteRawAsync(HostileExchange.Head(200, "OK", 100_000), Encoding.UTF8.GetBytes("""{"kind":"SecretList","items":["""));
            await exchange.Stream.FlushAsync(exchange.Stopping);
            await Task.Delay(TimeSpan.FromSeconds(120), exchange.Stopping);
        }));
        var kubeconfig = _directory.File("kubeconfig", $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: stalled
              cluster:
                server: {{_kubernetes.UrlFor("k8s").ToString().TrimEnd('/')}}
            users:
            - name: stalled
              user:
                token: fake-service-account-token
            contexts:
            - name: stalled
              context:
                cluster: stalled
                user: stalled
            current-context: stalled
            """);
        var tokenFile = _directory.File("token", _data.AuditToken.Token);
        var config = _directory.File("config.json", $$"""
            {"TokenGovernance": {
              "AuditTimeout": "00:00:03",
              "Targets": [{"Name": "prod", "Url": "{{_influx.Url}}", "TokenFile": "{{tokenFile}}"}],
              "References": {"Kubernetes": {"Enabled": true, "Namespaces": ["telemetry"], "Kubeconfig": "{{kubeconfig}}"} }
            } }
            """);

        var stopwatch = Stopwatch.StartNew();
        var run = await AdversarialAssert.RunAsync(["audit", "--config", config, "--format", "json", "--fail-on", "none"]);

        AdversarialAssert.NoCrash(run);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode} after {stopwatch.Elapsed.TotalSeconds:F1} s: {run.StandardError}");
        AdversarialAssert.OneLine(run, "tokengov: audit failed: target 'prod': audit cancelled (timeout or shutdown): it took longer than 00:00:03 (TokenGovernance:AuditTimeout)");
        AdversarialAssert.NoCanary(_data.AllTokenValues, ("stderr", run.StandardError), ("stdout", run.StandardOutput));
    }
}
