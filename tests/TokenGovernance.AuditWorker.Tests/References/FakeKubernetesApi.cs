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
/// namespace one object per page with <c>continue</c> tokens, and answers 403 for namespaces it forbids.
/// </summary>
internal sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeKubernetesApi(WebApplication app) => _app = app;

    public Dictionary<string, List<JsonObject>> Secrets { get; } = new();

    public Dictionary<string, List<JsonObject>> ConfigMaps { get; } = new();

    public HashSet<string> Forbidden { get; } = new();

    public int Requests;

    public string Kubeconfig { get; private set; } = string.Empty;

    public static async Task<FakeKubernetesApi> StartAsync(string directory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeKubernetesApi(app);
        app.MapGet("/api/v1/namespaces/{ns}/{kind}", (HttpContext context, string ns, string kind) => fake.ListAsync(context, ns, kind));
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
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (authorizationId is not null)
        {
            metadata["annotations"] = new JsonObject { ["tokengovernance.io/authorization-id"] = authorizationId };
        }

        return new JsonObject { ["metadata"] = metadata, ["data"] = data };
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
