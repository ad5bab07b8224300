using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TokenGovernance.InfluxDouble;

// serve-double [authorizations] [orgs] [users] [port] [mode] [fault]
//   Serves the InfluxDB double with a generated data set until stdin closes or the process is killed,
//   and writes the audit token to ./double-token (the benchmark scripts read it; the value stays on this machine).
if (args.Length == 3 && args[0] == "peer-client")
{
    return await TokenGovernance.Benchmarks.OfficialClientPeer.RunAsync(args[1], args[2]);
}

if (args.Length is 2 or 3 && args[0] == "snapshot-store")
{
    return await SnapshotStoreBenchmark.RunAsync(args[1], args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000);
}

if (args.Length == 3 && args[0] == "profile-client")
{
    return await ClientProfile.RunAsync(new Uri(args[1]), (await File.ReadAllTextAsync(args[2])).Trim());
}

if (args.Length == 0 || args[0] != "serve-double")
{
    Console.Error.WriteLine("usage: serve-double [authorizations=100000] [orgs=100] [users=10000] [port=0] [oss27|oss29|cloud] [faulty]");
    return 64;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var authorizations = Arg(1, 100_000);
var orgs = Arg(2, 100);
var users = Arg(3, 10_000);
var port = Arg(4, 0);
var mode = args.Length > 5 ? Enum.Parse<InfluxDoubleMode>(args[5], ignoreCase: true) : InfluxDoubleMode.Oss27;
var faulty = args.Length > 6 && args[6] == "faulty";

var data = LargeDataSet.Create(authorizations, orgs, users, out var token);
await using var server = await InfluxApiDouble.StartAsync(data, mode, port);
if (faulty)
{
    // Every fourth request of each kind fails in a different way: errors, timeouts and garbage for hours.
    foreach (var (path, kind) in new[] { ("/api/v2/orgs", FaultKind.ServiceUnavailable), ("/api/v2/users", FaultKind.Garbage), ("/api/v2/authorizations", FaultKind.TruncatedJson), ("/api/v2/me", FaultKind.Slow) })
    {
        server.Faults.Add(new Fault(path, kind, Times: int.MaxValue, Delay: TimeSpan.FromSeconds(3)) { });
    }

    _ = Task.Run(async () =>
    {
        var random = new Random(42);
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            server.Faults.Clear();
            if (random.Next(4) != 0)
            {
                var kinds = new[] { FaultKind.ServiceUnavailable, FaultKind.Garbage, FaultKind.TruncatedJson, FaultKind.InvalidJson, FaultKind.Unauthorized, FaultKind.Slow, FaultKind.TooManyRequests };
                server.Faults.Add(new Fault("/api/v2/", kinds[random.Next(kinds.Length)], Delay: TimeSpan.FromSeconds(2)));
            }
        }
    });
}

await File.WriteAllTextAsync("double-token", token);
Console.WriteLine(server.Url);
await Console.In.ReadToEndAsync();
return 0;

/// <summary>Many orgs, users and tokens with a realistic mix: mostly bucket-scoped, some all-access.</summary>
internal static class LargeDataSet
{
    public static InfluxDataSet Create(int authorizations, int orgs, int users, out string auditToken)
    {
        var builder = new InfluxDataSetBuilder(DateTimeOffset.UtcNow);
        var organizations = Enumerable.Range(0, orgs).Select(index => builder.Organization($"org-{index:000}")).ToList();
        var buckets = organizations.SelectMany(org => Enumerable.Range(0, 5).Select(index => builder.Bucket(org, $"{org.Name}-bucket-{index}"))).ToList();
        var people = Enumerable.Range(0, users).Select(index => builder.User(index % 10 == 0 ? $"svc-{index:00000}" : $"user-{index:00000}")).ToList();
        var admin = builder.User("admin");
        auditToken = builder.Token(admin, organizations[0], "audit", permissions => permissions.Operator()).Token;
        for (var index = 0; index < authorizations - 1; index++)
        {
            var owner = people[index % people.Count];
            var bucket = buckets[index % buckets.Count];
            var org = organizations.First(candidate => candidate.Id == bucket.OrgId);
            var authorization = builder.Token(owner, org, index % 7 == 0 ? string.Empty : $"token {index}", permissions =>
            {
                if (index % 20 == 0)
                {
                    permissions.AllAccess();
                }
                else if (index % 3 == 0)
                {
                    permissions.Read(bucket).Write(bucket);
                }
                else
                {
                    permissions.Read(bucket);
                }
            });
            authorization.CreatedAt = DateTimeOffset.UtcNow.AddDays(-(index % 700));
            if (index % 11 == 0)
            {
                authorization.Status = "inactive";
            }
        }

        return builder.Build();
    }
}

/// <summary>Times each InfluxDB call of one audit, to see where an audit spends its time.</summary>
internal static class ClientProfile
{
    public static async Task<int> RunAsync(Uri url, string token)
    {
        using var http = new HttpClient();
        var client = new TokenGovernance.Audit.InfluxV2.InfluxApiClient(http, url, token);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        async Task<T> Time<T>(string name, Func<Task<T>> call)
        {
            var start = watch.Elapsed;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var result = await call();
            Console.WriteLine($"{name}: {(watch.Elapsed - start).TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576} MB, managed heap {GC.GetTotalMemory(false) / 1048576} MB");
            return result;
        }

        for (var round = 0; round < 3; round++)
        {
            using var raw = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "api/v2/authorizations"));
            raw.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", token);
            var buffered = new MemoryStream(90_000_000);
            await Time("download only (no parsing)", async () =>
            {
                using var response = await http.SendAsync(raw, HttpCompletionOption.ResponseHeadersRead);
                await (await response.Content.ReadAsStreamAsync()).CopyToAsync(buffered);
                return buffered.Length;
            });
            buffered.Position = 0;
            await Time("parse only (from memory)", async () => await TokenGovernance.Audit.InfluxV2.AuthorizationListReader.ReadAsync(buffered, default));
        }

        await Time("orgs", () => client.ListOrganizationsAsync(default));
        await Time("users", () => client.ListUsersAsync(default));
        var authorizations = await Time("authorizations", () => client.ListAuthorizationsAsync(null, default));
        authorizations = await Time("authorizations again", () => client.ListAuthorizationsAsync(null, default));
        var users = (await client.ListUsersAsync(default)).ToDictionary(user => user.Id);
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddLogging();
        TokenGovernance.AuditWorker.Hosting.CoreServiceCollectionExtensions.AddTokenGovernanceCore(services,
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TokenGovernance:Policy:GenericUsers:Patterns:0"] = "svc-.*", ["TokenGovernance:Targets:0:Name"] = "bench", ["TokenGovernance:Targets:0:Url"] = url.ToString(), ["TokenGovernance:Targets:0:TokenFile"] = "double-token" }).Build());
        var engine = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TokenGovernance.Audit.Policy.PolicyEngine>(services.BuildServiceProvider());
        var resourceTypes = (await client.ListResourceTypesAsync(default)).ToHashSet();
        var tokens = await Time("map to the neutral model", () => Task.FromResult(authorizations.Select(authorization => TokenGovernance.Audit.InfluxV2.InfluxV2Mapping.ToToken(authorization, resourceTypes)).ToList()));
        var snapshot = new TokenGovernance.Audit.Model.TargetInventory
        {
            TargetName = "bench", Product = "oss", Capabilities = TokenGovernance.Audit.InfluxV2.InfluxV2Mapping.CapabilitiesOf(TokenGovernance.Audit.InfluxV2.InfluxFlavor.Oss),
            Scopes = (await client.ListOrganizationsAsync(default)).Select(TokenGovernance.Audit.InfluxV2.InfluxV2Mapping.ToScope).ToList(),
            PrincipalsById = users.ToDictionary(pair => pair.Key, pair => TokenGovernance.Audit.InfluxV2.InfluxV2Mapping.ToPrincipal(pair.Value)),
            DeletedPrincipalIds = new HashSet<string>(), Tokens = tokens,
            AuditPrincipal = TokenGovernance.Audit.InfluxV2.InfluxV2Mapping.ToPrincipal(await client.GetMeAsync(default)),
        };
        var findings = await Time("policy", () => Task.FromResult(engine.Evaluate(snapshot)));
        await Time("policy again", () => Task.FromResult(engine.Evaluate(snapshot)));
        Console.WriteLine($"{findings.Count} findings");
        Console.WriteLine($"{authorizations.Count} authorizations; peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
        return 0;
    }
}
