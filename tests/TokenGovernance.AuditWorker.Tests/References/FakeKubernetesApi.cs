using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace TokenGovernance.AuditWorker.Tests.References;

/// <summary>
/// A fake Kubernetes API on loopback (as KubernetesClient's own tests use): lists Secrets and ConfigMaps of a
/// namespace one object per page with <c>continue</c> tokens, and answers 403 for namespaces it forbids. For
/// re-issues it reads and merge-patches one Secret as the API server does (a <c>metadata.resourceVersion</c> in the
/// patch is a precondition: 409 when it is not the Secret's), and lists and patches Deployments, StatefulSets and
/// DaemonSets. For the worker's guarded endpoints it answers TokenReviews (a token it knows is its user) and
/// SubjectAccessReviews (<c>get</c> on the non-resource URLs each user is allowed), or 503 for both while
/// <see cref="ReviewsUnavailable"/>.
/// </summary>
internal sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeKubernetesApi(WebApplication app) => _app = app;

    public Dictionary<string, List<JsonObject>> Secrets { get; } = new();

    public Dictionary<string, List<JsonObject>> ConfigMaps { get; } = new();

    public HashSet<string> Forbidden { get; } = new();

    /// <summary>Workloads by namespace and plural kind (<c>deployments</c>, <c>statefulsets</c>, <c>daemonsets</c>).</summary>
    public Dictionary<(string Namespace, string Kind), List<JsonObject>> Workloads { get; } = new();

    /// <summary>Every PATCH as <c>content-type path body</c>, in order: what a re-issue sent (the tests look for values there on purpose).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Patches { get; } = new();

    /// <summary>Secret names whose next patch is answered with this status (e.g. 500), once.</summary>
    public Dictionary<string, int> FailNextPatch { get; } = new();

    /// <summary>Called before a Secret patch is applied: a test changes the Secret behind tokengov's back here.</summary>
    public Action<JsonObject>? BeforeSecretPatch { get; set; }

    public int Requests;

    /// <summary>Holds the N-th request after it is armed (a test kills its client meanwhile).</summary>
    public TokenGovernance.InfluxDouble.RequestHold Hold { get; } = new();

    /// <summary>TokenReview: the tokens it authenticates, and as whom.</summary>
    public Dictionary<string, string> Identities { get; } = new(StringComparer.Ordinal);

    /// <summary>SubjectAccessReview: the non-resource paths each user may <c>get</c>.</summary>
    public Dictionary<string, HashSet<string>> AllowedPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Both review APIs answer 503.</summary>
    public bool ReviewsUnavailable { get; set; }

    public int Reviews;

    public string Kubeconfig { get; private set; } = string.Empty;

    public static async Task<FakeKubernetesApi> StartAsync(string directory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeKubernetesApi(app);
        app.Use((context, next) => fake.Hold.InvokeAsync(context, () => next(context)));
        app.MapGet("/api/v1/namespaces/{ns}/{kind}", (HttpContext context, string ns, string kind) => fake.ListAsync(context, ns, kind));
        app.MapGet("/api/v1/namespaces/{ns}/secrets/{name}", (HttpContext context, string ns, string name) => fake.ReadSecretAsync(context, ns, name));
        app.MapMethods("/api/v1/namespaces/{ns}/secrets/{name}", ["PATCH"], (HttpContext context, string ns, string name) => fake.PatchSecretAsync(context, ns, name));
        app.MapPost("/apis/authentication.k8s.io/v1/tokenreviews", fake.TokenReviewAsync);
        app.MapPost("/apis/authorization.k8s.io/v1/subjectaccessreviews", fake.SubjectAccessReviewAsync);
        app.MapGet("/apis/apps/v1/namespaces/{ns}/{kind}", (HttpContext context, string ns, string kind) => fake.ListWorkloadsAsync(context, ns, kind));
        app.MapMethods("/apis/apps/v1/namespaces/{ns}/{kind}/{name}", ["PATCH"], (HttpContext context, string ns, string kind, string name) => fake.PatchWorkloadAsync(context, ns, kind, name));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Kubeconfig = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(fake.Kubeconfig, $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {{url}}
            users:
            - name: fake
              user:
                token: fake-service-account-token
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
                namespace: default
            current-context: fake
            """);
        return fake;
    }

    public static JsonObject Secret(string ns, string name, Dictionary<string, string> data, string? authorizationId = null) =>
        Object(ns, name, authorizationId, new JsonObject(data.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)Convert.ToBase64String(Encoding.UTF8.GetBytes(pair.Value))))));

    public static JsonObject ConfigMap(string ns, string name, Dictionary<string, string> data) =>
        Object(ns, name, null, new JsonObject(data.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))));

    private static JsonObject Object(string ns, string name, string? authorizationId, JsonObject data)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["resourceVersion"] = "1" };
        if (authorizationId is not null)
        {
            metadata["annotations"] = new JsonObject { ["tokengovernance.io/authorization-id"] = authorizationId };
        }

        return new JsonObject { ["metadata"] = metadata, ["data"] = data };
    }

    /// <summary>A Deployment, StatefulSet or DaemonSet whose pod template mounts <paramref name="volumeSecret"/> and/or reads <paramref name="envSecret"/>.</summary>
    public static JsonObject Workload(string ns, string name, string? volumeSecret = null, string? envSecret = null)
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = "telegraf:1.33" };
        if (envSecret is not null)
        {
            container["env"] = new JsonArray(new JsonObject
            {
                ["name"] = "INFLUX_TOKEN",
                ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = envSecret, ["key"] = "token" } },
            });
        }

        var pod = new JsonObject { ["containers"] = new JsonArray(container) };
        if (volumeSecret is not null)
        {
            pod["volumes"] = new JsonArray(new JsonObject { ["name"] = "token", ["secret"] = new JsonObject { ["secretName"] = volumeSecret } });
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject(), ["spec"] = pod } },
        };
    }

    public JsonObject SecretNamed(string ns, string name) =>
        Secrets[ns].Single(secret => (string?)secret["metadata"]!["name"] == name);

    /// <summary>A Secret key's value, decoded; null when the key is not there.</summary>
    public string? SecretValue(string ns, string name, string key) =>
        SecretNamed(ns, name)["data"]![key] is { } value ? Encoding.UTF8.GetString(Convert.FromBase64String((string)value!)) : null;

    private async Task ReadSecretAsync(HttpContext context, string ns, string name)
    {
        Interlocked.Increment(ref Requests);
        JsonObject? secret;
        lock (Secrets)
        {
            secret = Secrets.TryGetValue(ns, out var list) ? list.FirstOrDefault(item => (string?)item["metadata"]!["name"] == name)?.DeepClone().AsObject() : null;
        }

        await RespondAsync(context, secret is null ? 404 : 200, secret ?? StatusBody(404, "NotFound", $"secrets \"{name}\" not found"));
    }

    private async Task PatchSecretAsync(HttpContext context, string ns, string name)
    {
        Interlocked.Increment(ref Requests);
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Patches.Enqueue($"{context.Request.ContentType} {context.Request.Path} {text}");
        var patch = JsonNode.Parse(text)!.AsObject();
        int status;
        JsonObject body;
        lock (Secrets)
        {
            var secret = Secrets.TryGetValue(ns, out var list) ? list.FirstOrDefault(item => (string?)item["metadata"]!["name"] == name) : null;
            if (secret is not null)
            {
                BeforeSecretPatch?.Invoke(secret);
            }

            var precondition = (string?)patch["metadata"]?["resourceVersion"];
            if (FailNextPatch.Remove(name, out var failure))
            {
                (status, body) = (failure, StatusBody(failure, "InternalError", "etcdserver: request timed out"));
            }
            else if (secret is null)
            {
                (status, body) = (404, StatusBody(404, "NotFound", $"secrets \"{name}\" not found"));
            }
            else if (precondition is not null && precondition != (string?)secret["metadata"]!["resourceVersion"])
            {
                (status, body) = (409, StatusBody(409, "Conflict", $"Operation cannot be fulfilled on secrets \"{name}\": the object has been modified; please apply your changes to the latest version and try again"));
            }
            else
            {
                var data = secret["data"]?.AsObject() ?? (JsonObject)(secret["data"] = new JsonObject());
                foreach (var (key, value) in patch["data"]?.AsObject() ?? new JsonObject())
                {
                    if (value is null)
                    {
                        data.Remove(key);
                    }
                    else
                    {
                        data[key] = value.DeepClone();
                    }
                }

                Bump(secret);
                (status, body) = (200, secret.DeepClone().AsObject());
            }
        }

        await RespondAsync(context, status, body);
    }

    /// <summary>Changes a Secret as someone else would: a new resourceVersion.</summary>
    public static void Bump(JsonObject secret)
    {
        var version = int.Parse((string)secret["metadata"]!["resourceVersion"]!, System.Globalization.CultureInfo.InvariantCulture);
        secret["metadata"]!["resourceVersion"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ListWorkloadsAsync(HttpContext context, string ns, string kind)
    {
        Interlocked.Increment(ref Requests);
        JsonArray items;
        lock (Workloads)
        {
            items = new JsonArray((Workloads.TryGetValue((ns, kind), out var list) ? list : []).Select(item => (JsonNode?)item.DeepClone()).ToArray());
        }

        var listKind = kind switch { "deployments" => "DeploymentList", "statefulsets" => "StatefulSetList", _ => "DaemonSetList" };
        await RespondAsync(context, 200, new JsonObject { ["kind"] = listKind, ["apiVersion"] = "apps/v1", ["metadata"] = new JsonObject(), ["items"] = items });
    }

    private async Task PatchWorkloadAsync(HttpContext context, string ns, string kind, string name)
    {
        Interlocked.Increment(ref Requests);
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Patches.Enqueue($"{context.Request.ContentType} {context.Request.Path} {text}");
        JsonObject? workload;
        lock (Workloads)
        {
            workload = Workloads.TryGetValue((ns, kind), out var list) ? list.FirstOrDefault(item => (string?)item["metadata"]!["name"] == name) : null;
            var annotations = JsonNode.Parse(text)?["spec"]?["template"]?["metadata"]?["annotations"]?.AsObject();
            if (workload is not null && annotations is not null)
            {
                var metadata = workload["spec"]!["template"]!["metadata"]!.AsObject();
                var existing = metadata["annotations"]?.AsObject() ?? (JsonObject)(metadata["annotations"] = new JsonObject());
                foreach (var (key, value) in annotations)
                {
                    existing[key] = value?.DeepClone();
                }
            }
        }

        await RespondAsync(context, workload is null ? 404 : 200, workload?.DeepClone().AsObject() ?? StatusBody(404, "NotFound", $"{kind} \"{name}\" not found"));
    }

    private async Task TokenReviewAsync(HttpContext context)
    {
        if (await ReviewAsync(context) is not { } review)
        {
            return;
        }

        var token = (string?)review["spec"]?["token"] ?? string.Empty;
        review["status"] = Identities.TryGetValue(token, out var user)
            ? new JsonObject { ["authenticated"] = true, ["user"] = new JsonObject { ["username"] = user, ["uid"] = "uid-" + user, ["groups"] = new JsonArray("system:authenticated") } }
            : new JsonObject { ["authenticated"] = false, ["error"] = "invalid bearer token" };
        await RespondAsync(context, 201, review);
    }

    private async Task SubjectAccessReviewAsync(HttpContext context)
    {
        if (await ReviewAsync(context) is not { } review)
        {
            return;
        }

        var user = (string?)review["spec"]?["user"] ?? string.Empty;
        var path = (string?)review["spec"]?["nonResourceAttributes"]?["path"];
        var verb = (string?)review["spec"]?["nonResourceAttributes"]?["verb"];
        var allowed = verb == "get" && path is not null && AllowedPaths.TryGetValue(user, out var paths) && paths.Contains(path);
        review["status"] = new JsonObject { ["allowed"] = allowed };
        await RespondAsync(context, 201, review);
    }

    /// <summary>The posted review, counted; null after answering 503 while <see cref="ReviewsUnavailable"/>.</summary>
    private async Task<JsonObject?> ReviewAsync(HttpContext context)
    {
        Interlocked.Increment(ref Reviews);
        var review = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
        if (!ReviewsUnavailable)
        {
            return review;
        }

        await RespondAsync(context, 503, StatusBody(503, "ServiceUnavailable", "the server is currently unable to handle the request"));
        return null;
    }

    private static JsonObject StatusBody(int code, string reason, string message) => new()
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["message"] = message, ["reason"] = reason, ["code"] = code,
    };

    private static async Task RespondAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private async Task ListAsync(HttpContext context, string ns, string kind)
    {
        Interlocked.Increment(ref Requests);
        context.Response.ContentType = "application/json";
        if (Forbidden.Contains(ns))
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync($$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{kind}} is forbidden","reason":"Forbidden","code":403}""");
            return;
        }

        var source = kind == "secrets" ? Secrets : ConfigMaps;
        var items = source.TryGetValue(ns, out var list) ? list : [];
        var offset = int.TryParse(context.Request.Query["continue"], out var parsed) ? parsed : 0;
        var page = items.Skip(offset).Take(1).Select(item => item.DeepClone()).ToArray();
        var metadata = new JsonObject();
        if (offset + 1 < items.Count)
        {
            metadata["continue"] = (offset + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new JsonObject
        {
            ["kind"] = kind == "secrets" ? "SecretList" : "ConfigMapList",
            ["apiVersion"] = "v1",
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page),
        };
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
