using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Kubernetes;

/// <summary>
/// What <c>kubectl rollout restart</c> does, for the Deployments, StatefulSets and DaemonSets of a namespace whose pod
/// template mounts a Secret or reads it into the environment: the <c>kubectl.kubernetes.io/restartedAt</c> annotation
/// on the template, so they roll out pods that read the new value (Telegraf, for one, reads its token once at start).
/// </summary>
internal static class WorkloadRestarter
{
    public const string Annotation = "kubectl.kubernetes.io/restartedAt";

    public static async Task<IReadOnlyList<JournalWorkload>> RestartAsync(k8s.Kubernetes client, string ns, string secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var restarted = new List<JournalWorkload>();
        var at = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Annotation] = at } } } },
        };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.StrategicMergePatch);
        await RestartKindAsync(restarted, "Deployment", ns, secret,
            async () => (await client.AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: cancellationToken)).Items.Select(item => (item.Metadata.Name, item.Spec?.Template)),
            name => client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, ns, cancellationToken: cancellationToken));
        await RestartKindAsync(restarted, "StatefulSet", ns, secret,
            async () => (await client.AppsV1.ListNamespacedStatefulSetAsync(ns, cancellationToken: cancellationToken)).Items.Select(item => (item.Metadata.Name, item.Spec?.Template)),
            name => client.AppsV1.PatchNamespacedStatefulSetAsync(patch, name, ns, cancellationToken: cancellationToken));
        await RestartKindAsync(restarted, "DaemonSet", ns, secret,
            async () => (await client.AppsV1.ListNamespacedDaemonSetAsync(ns, cancellationToken: cancellationToken)).Items.Select(item => (item.Metadata.Name, item.Spec?.Template)),
            name => client.AppsV1.PatchNamespacedDaemonSetAsync(patch, name, ns, cancellationToken: cancellationToken));
        return restarted;
    }

    private static async Task RestartKindAsync<T>(
        List<JournalWorkload> restarted, string kind, string ns, string secret, Func<Task<IEnumerable<(string Name, V1PodTemplateSpec? Template)>>> list, Func<string, Task<T>> patch)
    {
        List<(string Name, V1PodTemplateSpec? Template)> workloads;
        try
        {
            workloads = (await list()).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            restarted.Add(new JournalWorkload(kind, ns, "*", JournalOutcomes.Failed, $"listing {kind}s failed: {Describe(exception)}"));
            return;
        }

        foreach (var (name, template) in workloads.Where(workload => Uses(workload.Template?.Spec, secret)))
        {
            try
            {
                await patch(name);
                restarted.Add(new JournalWorkload(kind, ns, name, "restarted"));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                restarted.Add(new JournalWorkload(kind, ns, name, JournalOutcomes.Failed, $"the restart annotation was not set: {Describe(exception)}"));
            }
        }
    }

    /// <summary>Whether a pod spec mounts the Secret (as a volume or in a projected one) or reads it into the environment.</summary>
    public static bool Uses(V1PodSpec? pod, string secret) =>
        pod is not null && (
            (pod.Volumes ?? []).Any(volume => volume.Secret?.SecretName == secret
                || (volume.Projected?.Sources ?? []).Any(source => source.Secret?.Name == secret))
            || (pod.Containers ?? []).Concat(pod.InitContainers ?? []).Any(container =>
                (container.Env ?? []).Any(variable => variable.ValueFrom?.SecretKeyRef?.Name == secret)
                || (container.EnvFrom ?? []).Any(source => source.SecretRef?.Name == secret)));

    private static string Describe(Exception exception) => exception switch
    {
        HttpOperationException http => $"the Kubernetes API answered {(int)http.Response.StatusCode}" + ((int)http.Response.StatusCode == 403 ? " (RBAC: patch on the workload)" : string.Empty),
        HttpRequestException request => "the Kubernetes API is unreachable: " + TransportErrors.Describe(request),
        _ => $"{exception.GetType().Name}: {ServerText.OneLine(exception.Message)}",
    };
}
