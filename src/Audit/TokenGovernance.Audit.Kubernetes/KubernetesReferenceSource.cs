using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Safety;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.Kubernetes;

/// <summary>
/// Lists Secrets and ConfigMaps of the configured namespaces (paged with <c>limit</c>/<c>continue</c>) and finds
/// token values in their data. The annotation <c>tokengovernance.io/authorization-id</c> declares which
/// authorization an object's token is.
/// </summary>
public sealed class KubernetesReferenceSource(IOptions<TokenGovernanceOptions> settings) : IReferenceSource
{
    public const string AuthorizationIdAnnotation = "tokengovernance.io/authorization-id";
    private const int PageSize = 100;

    private static readonly ConfigTokenScanner Scanner = new();

    public Task<IReadOnlyList<SourceScan>> ScanAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        var options = settings.Value.References.Kubernetes;
        return options.Enabled && ReferenceTargets.IsFor(options.Target, target, settings)
            ? ScanAsync(options, cancellationToken)
            : Task.FromResult<IReadOnlyList<SourceScan>>([]);
    }

    public async Task<IReadOnlyList<SourceScan>> ScanAsync(KubernetesSourceOptions options, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesConnection.Configuration(options);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An unparsable kubeconfig surfaces as whatever its YAML parser or the client library throws.
            return [new SourceScan(ReferenceSources.KubernetesSecret, [],
                $"kubernetes source: no usable configuration ({exception.GetType().Name}: {ServerText.OneLine(exception.Message)})")];
        }

        using var client = KubernetesConnection.Client(configuration);
        var scans = new List<SourceScan>();
        foreach (var ns in options.Namespaces)
        {
            if (options.Secrets)
            {
                scans.Add(await ScanKindAsync(ReferenceSources.KubernetesSecret, ns, () => ListSecretsAsync(client, ns, options.LabelSelector, cancellationToken)));
            }

            if (options.ConfigMaps)
            {
                scans.Add(await ScanKindAsync(ReferenceSources.KubernetesConfigMap, ns, () => ListConfigMapsAsync(client, ns, options.LabelSelector, cancellationToken)));
            }
        }

        return scans;
    }

    private static async Task<SourceScan> ScanKindAsync(string source, string ns, Func<Task<List<FoundReference>>> list)
    {
        try
        {
            return new SourceScan(source, await list(), null);
        }
        catch (HttpOperationException exception)
        {
            var status = (int)exception.Response.StatusCode;
            var hint = status == 403 ? ": the worker's service account lacks get/list there (RBAC)" : string.Empty;
            return new SourceScan(source, [], $"{source} in namespace '{ns}': the Kubernetes API answered {status}{hint}");
        }
        catch (HttpRequestException exception)
        {
            return new SourceScan(source, [], $"{source} in namespace '{ns}': the Kubernetes API is unreachable: {TransportErrors.Describe(exception)}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever the client library makes of a malformed answer (JSON, YAML, a missing field) is an answer
            // the source cannot use, not a crash of the audit.
            return new SourceScan(source, [], $"{source} in namespace '{ns}': the Kubernetes API answered something unusable ({exception.GetType().Name}: {ServerText.OneLine(exception.Message)})");
        }
    }

    private static async Task<List<FoundReference>> ListSecretsAsync(k8s.Kubernetes client, string ns, string selector, CancellationToken cancellationToken)
    {
        var found = new List<FoundReference>();
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListNamespacedSecretAsync(ns, continueParameter: next, labelSelector: NullIfEmpty(selector), limit: PageSize, cancellationToken: cancellationToken);
            foreach (var secret in page.Items ?? [])
            {
                var data = secret?.Data ?? new Dictionary<string, byte[]>();
                foreach (var (key, bytes) in data)
                {
                    Collect(found, ReferenceSources.KubernetesSecret, secret!.Metadata, key, bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes), plaintext: false, onlyKey: data.Count == 1);
                }
            }

            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
        return found;
    }

    private static async Task<List<FoundReference>> ListConfigMapsAsync(k8s.Kubernetes client, string ns, string selector, CancellationToken cancellationToken)
    {
        var found = new List<FoundReference>();
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: next, labelSelector: NullIfEmpty(selector), limit: PageSize, cancellationToken: cancellationToken);
            foreach (var map in page.Items ?? [])
            {
                var data = map?.Data ?? new Dictionary<string, string>();
                foreach (var (key, value) in data)
                {
                    Collect(found, ReferenceSources.KubernetesConfigMap, map!.Metadata, key, value, plaintext: true, onlyKey: data.Count == 1);
                }
            }

            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
        return found;
    }

    /// <param name="onlyKey">The object's one key: an annotated object's bare value is taken from it whatever its name.</param>
    private static void Collect(List<FoundReference> found, string source, V1ObjectMeta? metadata, string key, string? value, bool plaintext, bool onlyKey)
    {
        if (metadata is null || value is null)
        {
            return;
        }

        var location = ServerText.OneLine($"{metadata.NamespaceProperty}/{metadata.Name}#{key}");
        string? declared = null;
        metadata.Annotations?.TryGetValue(AuthorizationIdAnnotation, out declared);
        declared = declared is null ? null : ServerText.OneLine(declared);
        var values = Scanner.Scan(value).Select(finding => finding.Value).ToList();
        if (values.Count == 0 && (TokenNames.IsTokenKey(key) || (declared is not null && onlyKey)) && !PlaceholderDetector.IsPlaceholder(value) && !value.Contains('\n'))
        {
            // A Secret key named token (or the one key of an annotated object) holds the bare value; an annotated
            // object's other keys (a URL, an org name) are not the token, and a re-issue must never overwrite them.
            values.Add(value.Trim());
        }

        foreach (var token in values.Distinct(StringComparer.Ordinal))
        {
            found.Add(new FoundReference
            {
                Source = source,
                Location = location,
                Value = token,
                Fingerprint = TokenRedaction.Fingerprint(token),
                DeclaredAuthorizationId = declared,
                Plaintext = plaintext,
            });
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
