using System.Text;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Model;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Kubernetes;

/// <summary>
/// Rewrites Secret keys for a re-issue through the Kubernetes API (the connection of <c>References:Kubernetes</c>):
/// a JSON merge patch that carries the Secret's <c>resourceVersion</c> as it was read, so the API refuses it (409)
/// when anyone changed the Secret since; the old value stays in the same Secret as <c>&lt;key&gt;.tokengov-previous</c>.
/// The worker's service account needs get and patch on Secrets there (and patch on the workloads it restarts).
/// </summary>
public sealed class KubernetesSecretRewriter(IOptions<TokenGovernanceOptions> settings, TimeProvider time) : IReferenceRewriter, IDisposable
{
    private k8s.Kubernetes? _client;

    // Per Secret: the resourceVersion read when the run first prepared it, and the one its own last patch left. Two keys
    // of one Secret are prepared before either is written: the second write's precondition is the first write's result,
    // so only a change by someone else is a conflict.
    private readonly Dictionary<string, (string Read, string Current)> _ownChanges = new(StringComparer.Ordinal);

    public bool Handles(string source) => source == ReferenceSources.KubernetesSecret && settings.Value.References.Kubernetes.Enabled;

    public async Task<IPreparedRewrite> PrepareAsync(string target, PlannedReference reference, CancellationToken cancellationToken)
    {
        var location = SecretLocation.Parse(reference.Location);
        var client = Connect();
        var secret = await ReadAsync(client, location, cancellationToken);
        if (secret.Data?.ContainsKey(location.PreviousKey) == true)
        {
            throw new RewriteException($"Secret {location}: key '{location.PreviousKey}' is still there from an earlier re-issue; retire that one first");
        }

        var text = secret.Data?.TryGetValue(location.Key, out var bytes) == true && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;
        var old = text is not null && reference.Fingerprint is { } fingerprint ? ReferenceValues.Find(text, fingerprint) : null;
        return old is null
            ? throw new RewriteException($"Secret {location} no longer holds the value the plan saw there (token {reference.Fingerprint ?? "unknown"}): make a new plan")
            : new Prepared(this, client, reference, location, secret.Metadata.ResourceVersion, text!, old);
    }

    /// <summary>The precondition for a patch of a Secret prepared at <paramref name="read"/>: what this run's own patches made of it since.</summary>
    private string PreconditionFor(SecretLocation location, string read) =>
        _ownChanges.TryGetValue(location.Secret, out var own) && own.Read == read ? own.Current : read;

    private async Task PatchPreparedAsync(k8s.Kubernetes client, SecretLocation location, string read, Action<Utf8JsonWriter> data, CancellationToken cancellationToken)
    {
        var now = await PatchAsync(client, location, PreconditionFor(location, read), data, cancellationToken);
        _ownChanges[location.Secret] = (read, now);
    }

    public async Task RestoreAsync(string target, PlannedReference reference, CancellationToken cancellationToken)
    {
        var location = SecretLocation.Parse(reference.Location);
        var client = Connect();
        var secret = await ReadAsync(client, location, cancellationToken);
        if (secret.Data?.TryGetValue(location.PreviousKey, out var previous) != true || previous is null)
        {
            throw new RewriteException($"Secret {location}: its previous copy '{location.PreviousKey}' is gone (removed when the old token was retired?), so it cannot be put back");
        }

        if (!ReferenceValues.Holds(Encoding.UTF8.GetString(previous), reference.Fingerprint))
        {
            throw new RewriteException($"Secret {location}: '{location.PreviousKey}' does not hold the value the journal names (token {reference.Fingerprint ?? "unknown"}): left as it is");
        }

        await PatchAsync(client, location, secret.Metadata.ResourceVersion, writer =>
        {
            writer.WriteBase64String(location.Key, previous);
            writer.WriteNull(location.PreviousKey);
        }, cancellationToken);
    }

    public async Task<bool> RemovePreviousAsync(string target, PlannedReference previousCopy, CancellationToken cancellationToken)
    {
        var location = SecretLocation.Parse(previousCopy.Location);
        var client = Connect();
        var secret = await ReadAsync(client, location, cancellationToken);
        if (secret.Data?.TryGetValue(location.Key, out var bytes) != true || bytes is null)
        {
            return false;
        }

        if (!ReferenceValues.Holds(Encoding.UTF8.GetString(bytes), previousCopy.Fingerprint))
        {
            throw new RewriteException($"Secret {location} no longer holds the retired token's value: left as it is");
        }

        await PatchAsync(client, location, secret.Metadata.ResourceVersion, writer => writer.WriteNull(location.Key), cancellationToken);
        return true;
    }

    public void Dispose() => _client?.Dispose();

    /// <summary>One client for every Secret of the run (the rewriter lives as long as the command).</summary>
    private k8s.Kubernetes Connect()
    {
        try
        {
            return _client ??= KubernetesConnection.Client(KubernetesConnection.Configuration(settings.Value.References.Kubernetes));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new RewriteException($"kubernetes: no usable configuration ({exception.GetType().Name}: {ServerText.OneLine(exception.Message)})", exception);
        }
    }

    private static Task<V1Secret> ReadAsync(k8s.Kubernetes client, SecretLocation location, CancellationToken cancellationToken) =>
        CallAsync(location, "read", () => client.CoreV1.ReadNamespacedSecretAsync(location.Name, location.Namespace, cancellationToken: cancellationToken));

    /// <summary>A merge patch of the Secret's data, with its resourceVersion as the precondition; the new resourceVersion.</summary>
    private static async Task<string> PatchAsync(k8s.Kubernetes client, SecretLocation location, string resourceVersion, Action<Utf8JsonWriter> data, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", resourceVersion);
            writer.WriteEndObject();
            writer.WriteStartObject("data");
            data(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var patch = new V1Patch(Encoding.UTF8.GetString(body.ToArray()), V1Patch.PatchType.MergePatch);
        var patched = await CallAsync(location, "patch", () => client.CoreV1.PatchNamespacedSecretAsync(patch, location.Name, location.Namespace, cancellationToken: cancellationToken), resourceVersion);
        return patched.Metadata.ResourceVersion;
    }

    private static async Task<T> CallAsync<T>(SecretLocation location, string what, Func<Task<T>> call, string? resourceVersion = null)
    {
        try
        {
            return await call();
        }
        catch (HttpOperationException exception)
        {
            var status = (int)exception.Response.StatusCode;
            var why = status switch
            {
                409 => $": it changed since it was read (resourceVersion {resourceVersion}), so it was not written",
                403 => $": the service account lacks {what} on Secrets there (RBAC)",
                404 => ": there is no such Secret",
                _ => string.Empty,
            };
            throw new RewriteException($"Secret {location}: the Kubernetes API answered {status} to the {what}{why}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new RewriteException($"Secret {location}: the Kubernetes API is unreachable: {TransportErrors.Describe(exception)}", exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not RewriteException)
        {
            throw new RewriteException($"Secret {location}: the Kubernetes API answered something unusable to the {what} ({exception.GetType().Name})", exception);
        }
    }

    private sealed class Prepared(
        KubernetesSecretRewriter owner, k8s.Kubernetes client, PlannedReference reference, SecretLocation location, string read, string text, string old)
        : IPreparedRewrite
    {
        public PlannedReference Reference => reference;

        public Task WriteAsync(TokenSecret value, CancellationToken cancellationToken)
        {
            var rewritten = Encoding.UTF8.GetBytes(text.Replace(old, value.Reveal(), StringComparison.Ordinal));
            return owner.PatchPreparedAsync(client, location, read, writer =>
            {
                writer.WriteBase64String(location.Key, rewritten);
                writer.WriteBase64String(location.PreviousKey, Encoding.UTF8.GetBytes(text));
            }, cancellationToken);
        }

        public Task UndoAsync(CancellationToken cancellationToken) =>
            owner.PatchPreparedAsync(client, location, read, writer =>
            {
                writer.WriteBase64String(location.Key, Encoding.UTF8.GetBytes(text));
                writer.WriteNull(location.PreviousKey);
            }, cancellationToken);

        public Task<IReadOnlyList<JournalWorkload>> RestartReadersAsync(CancellationToken cancellationToken) =>
            WorkloadRestarter.RestartAsync(client, location.Namespace, location.Name, owner.Now, cancellationToken);
    }

    private DateTimeOffset Now => time.GetUtcNow();
}
