using System.Net;
using System.Net.Http.Headers;
using TokenGovernance.AuditWorker.Hosting.Authentication;
using TokenGovernance.AuditWorker.Tests.References;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Worker;

/// <summary>
/// <c>/tokens</c> and <c>/report</c> (every token's owner and permissions) are served only to an authenticated and
/// allowed caller: bearer tokens from files (rotated without a restart), or the caller's Kubernetes token through a
/// TokenReview and a SubjectAccessReview, failing closed. Health endpoints stay open; <c>/metrics</c> too unless
/// <c>ProtectMetrics</c>. No token, the callers' or the audit's, in any log line.
/// </summary>
[Collection(WorkerHostCollection.Name)]
public sealed class EndpointAuthenticationTests
{
    [Fact]
    public async Task Bearer_mode_serves_the_token_file_s_holder_only_and_follows_its_rotation()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Http:ExposeTokens"] = "true";
        worker.Settings["Http:ExposeReport"] = "true";
        await worker.StartAsync();
        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) == 1);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/tokens", worker.ReaderToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/report", worker.ReaderToken));
        using (var anonymous = await SendAsync(worker, "/tokens", bearer: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(worker, "/report", "not-the-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(worker, "/TOKENS/", "not-the-token"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/metrics", bearer: null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/healthz", bearer: null));

        // The Secret behind the file is rotated: the new token works at once, the old one no longer.
        var rotated = "rotated-" + Guid.NewGuid().ToString("N");
        var file = worker.Settings["Http:Authentication:TokenFiles:0"]!;
        await File.WriteAllTextAsync(file, rotated + "\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/tokens", rotated));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(worker, "/tokens", worker.ReaderToken));

        Assert.Contains("Denied /tokens (401) to unauthenticated caller", worker.Logs.Text, StringComparison.Ordinal);
        CanaryAssert.NoTokenIn(worker.Logs.Text, [worker.ReaderToken, rotated, "not-the-token", .. worker.Data.AllTokenValues], "the worker's log");
    }

    [Fact]
    public async Task Protected_metrics_take_the_same_authentication()
    {
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Http:Authentication:ProtectMetrics"] = "true";
        await worker.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(worker, "/metrics", bearer: null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/metrics", worker.ReaderToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/healthz", bearer: null));
    }

    [Theory]
    [InlineData("ExposeTokens")]
    [InlineData("ExposeReport")]
    public async Task Exposing_the_inventory_without_authentication_is_a_configuration_error(string exposed)
    {
        using var directory = new TempDirectory();
        var config = directory.File("worker.json", $$"""
            {"TokenGovernance": {"Targets": [{"Name": "prod", "Url": "http://127.0.0.1:9", "TokenFile": "{{directory.File("token", "x")}}"}],
             "Http": {"{{exposed}}": true} } }
            """);

        var (exitCode, _, stderr) = await TokengovProcess.RunAsync(["run", "--config", config, "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(64, exitCode);
        Assert.Contains($"TokenGovernance:Http:Authentication:Mode is 'none' while TokenGovernance:Http:{exposed} is on: anyone who reaches the port would read it; set Mode to 'bearer' (with TokenFiles) or 'kubernetes'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_mode_asks_the_review_APIs_per_identity_and_path_and_fails_closed()
    {
        using var directory = new TempDirectory();
        await using var kubernetes = await FakeKubernetesApi.StartAsync(directory.Path);
        kubernetes.Identities["alice-sa-token"] = "system:serviceaccount:monitoring:alice";
        kubernetes.Identities["bob-sa-token"] = "system:serviceaccount:monitoring:bob";
        kubernetes.AllowedPaths["system:serviceaccount:monitoring:alice"] = ["/tokens"];
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Http:ExposeTokens"] = "true";
        worker.Settings["Http:ExposeReport"] = "true";
        worker.Settings["Http:Authentication:Mode"] = "kubernetes";
        worker.Settings["Http:Authentication:Kubeconfig"] = kubernetes.Kubeconfig;
        await worker.StartAsync();
        await worker.WaitForAsync(scrape => scrape.Value("tokengov_audit_runs_total", ("target", "test"), ("outcome", "success")) == 1);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/tokens", "alice-sa-token"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(worker, "/report", "alice-sa-token"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(worker, "/tokens", "bob-sa-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(worker, "/tokens", "mallory-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(worker, "/tokens", bearer: null));
        Assert.Contains("Denied /tokens (403) to system:serviceaccount:monitoring:bob", worker.Logs.Text, StringComparison.Ordinal);

        // Answers are cached: asking again makes no review.
        var reviews = kubernetes.Reviews;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(worker, "/tokens", "alice-sa-token"));
        Assert.Equal(reviews, kubernetes.Reviews);

        // The review API down: a token not in the cache gets 503, never the data.
        kubernetes.ReviewsUnavailable = true;
        kubernetes.Identities["carol-sa-token"] = "system:serviceaccount:monitoring:carol";
        kubernetes.AllowedPaths["system:serviceaccount:monitoring:carol"] = ["/tokens", "/report"];
        using (var unavailable = await SendAsync(worker, "/tokens", "carol-sa-token"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.DoesNotContain("\"tokens\"", await unavailable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        CanaryAssert.NoTokenIn(worker.Logs.Text, ["alice-sa-token", "bob-sa-token", "mallory-token", "carol-sa-token", .. worker.Data.AllTokenValues], "the worker's log");
    }

    [Fact]
    public async Task The_review_cache_is_bounded()
    {
        using var directory = new TempDirectory();
        await using var kubernetes = await FakeKubernetesApi.StartAsync(directory.Path);
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Http:Authentication:Mode"] = "kubernetes";
        worker.Settings["Http:Authentication:Kubeconfig"] = kubernetes.Kubeconfig;
        worker.Settings["Http:ExposeTokens"] = "true";
        await worker.StartAsync();
        var authenticator = worker.App.Services.GetRequiredService<KubernetesAuthenticator>();

        for (var index = 0; index < KubernetesAuthenticator.CacheEntries + 200; index++)
        {
            await authenticator.CheckAsync("caller-" + index, "/tokens", CancellationToken.None);
        }

        await Poll.UntilAsync(() => Task.FromResult(authenticator.Cached <= KubernetesAuthenticator.CacheEntries), TimeSpan.FromSeconds(30),
            () => $"the cache holds {authenticator.Cached} answers, more than {KubernetesAuthenticator.CacheEntries}");
    }

    [Fact]
    public async Task Https_serves_the_configured_certificate_and_the_renewed_one_without_a_restart()
    {
        using var directory = new TempDirectory();
        var (certificate, key) = (Path.Combine(directory.Path, "tls.crt"), Path.Combine(directory.Path, "tls.key"));
        var first = WriteCertificate(certificate, key, "tokengov-first");
        await using var worker = await WorkerUnderTest.CreateAsync();
        worker.Settings["Http:Tls:CertificateFile"] = certificate;
        worker.Settings["Http:Tls:KeyFile"] = key;
        await worker.StartAsync("https://127.0.0.1:0");
        Assert.Equal("https", worker.Http.BaseAddress!.Scheme);

        Assert.Equal(first, await ServedThumbprintAsync(worker.Http.BaseAddress));

        // cert-manager renews: both files rewritten; the next connection gets the new certificate.
        var renewed = WriteCertificate(certificate, key, "tokengov-renewed");
        File.SetLastWriteTimeUtc(certificate, DateTime.UtcNow.AddSeconds(5));
        File.SetLastWriteTimeUtc(key, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(renewed, await ServedThumbprintAsync(worker.Http.BaseAddress));
    }

    private static string WriteCertificate(string certificateFile, string keyFile, string name)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=" + name, rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
        return certificate.Thumbprint;
    }

    /// <summary>The thumbprint of the certificate a new TLS connection to <paramref name="address"/> is served.</summary>
    private static async Task<string> ServedThumbprintAsync(Uri address)
    {
        string? served = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                served = certificate?.Thumbprint;
                return true;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return served!;
    }

    private static async Task<HttpStatusCode> StatusAsync(WorkerUnderTest worker, string path, string? bearer)
    {
        using var response = await SendAsync(worker, path, bearer);
        return response.StatusCode;
    }

    /// <summary>A request with exactly this bearer token or none (not the harness client's default one).</summary>
    private static async Task<HttpResponseMessage> SendAsync(WorkerUnderTest worker, string path, string? bearer)
    {
        using var client = new HttpClient { BaseAddress = worker.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }
}
