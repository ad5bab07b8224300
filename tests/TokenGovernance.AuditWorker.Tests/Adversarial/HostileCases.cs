using TokenGovernance.AuditWorker.Tests.Support;
using static TokenGovernance.AuditWorker.Tests.Support.HostileResponses;

namespace TokenGovernance.AuditWorker.Tests.Adversarial;

/// <summary>
/// The catalogue: for every endpoint the v2 reader calls, nulls, missing identities, wrong types, trailing data,
/// duplicate keys, endless paging, oversized and deeply nested values, broken framing, stalls, redirects and
/// servers that echo the token. One line a case; the tests run each through the CLI and all through one worker.
/// </summary>
internal static class HostileCases
{
    private const string Orgs = "/api/v2/orgs";
    private const string Me = "/api/v2/me";
    private const string Resources = "/api/v2/resources";
    private const string Users = "/api/v2/users";
    private const string Authorizations = "/api/v2/authorizations";

    /// <summary>The case names, for the theories' data.</summary>
    public static IReadOnlyList<string> Names { get; } = Create(new Uri("http://127.0.0.1:9/")).Select(hostile => hostile.Name).ToList();

    /// <param name="otherOrigin">Where redirects point: another origin, which must never see the token.</param>
    public static IReadOnlyList<HostileCase> Create(Uri otherOrigin) =>
    [
        // Every endpoint: broken answers of every kind.
        .. Generic("orgs", Orgs, "GET /api/v2/orgs", otherOrigin),
        .. Generic("me", Me, "GET /api/v2/me", otherOrigin),
        .. Generic("resources", Resources, "GET /api/v2/resources", otherOrigin),
        .. Generic("users", Users, "GET /api/v2/users", otherOrigin),
        .. Generic("authorizations", Authorizations, "GET /api/v2/authorizations", otherOrigin),
        .. Generic("user-lookup", Users + "/", "GET /api/v2/users/", otherOrigin, cloud: true),
        .. Generic("members", Orgs + "/", "GET /api/v2/orgs/", otherOrigin, cloud: true, members: true),

        // Nulls, missing identities and wrong types.
        Case("orgs-null-list", Orgs, Body("""{"orgs":null}"""), "'orgs' is null"),
        Case("orgs-null-element", Orgs, Body("""{"orgs":[null]}"""), "orgs[0] is null"),
        Case("orgs-empty-object", Orgs, Body("""{"orgs":[{}]}"""), "orgs has no id"),
        Case("orgs-missing-list", Orgs, Body("{}"), "malformed"),
        Case("orgs-wrong-type", Orgs, Body("""{"orgs":[{"id":5,"name":"acme"}]}"""), "malformed"),
        Case("orgs-array-root", Orgs, Body("[]"), "malformed"),
        Case("me-empty-object", Me, Body("{}"), "the user has no id"),
        Case("me-null-id", Me, Body("""{"id":null,"name":"admin"}"""), "the user has no id"),
        Case("resources-empty", Resources, Body("[]"), "lists no resource types"),
        Case("resources-object", Resources, Body("{}"), "malformed"),
        Case("resources-null-element", Resources, Body("[null]"), "resource type [0] has no id"),
        Case("users-null-list", Users, Body("""{"users":null}"""), "'users' is null"),
        Case("users-null-element", Users, Body("""{"users":[null]}"""), "users[0] is null"),
        Case("users-empty-object", Users, Body("""{"users":[{}]}"""), "users[0] has no id"),
        Case("authorizations-empty-object", Authorizations, Body("""{"authorizations":[{}]}"""), "authorizations[0] has no id"),
        Case("authorizations-null-list", Authorizations, Body("""{"authorizations":null}"""), "authorizations is null"),
        Case("authorizations-missing-list", Authorizations, Body("{}"), "'authorizations' is missing"),
        Case("authorizations-null-element", Authorizations, Body("""{"authorizations":[null]}"""), "expected StartObject"),
        Case("authorizations-wrong-type", Authorizations, Replace("\"permissions\":\\[", "\"permissions\":\"all\",\"x\":["), "malformed"),
        Case("user-lookup-empty-object", Users + "/", Body("{}"), "has no id", cloud: true),
        Case("members-null-list", Orgs + "/", Body("""{"users":null}"""), "'users' is null", cloud: true),
        Case("members-null-element", Orgs + "/", Body("""{"users":[null]}"""), "users[0] is null", cloud: true),
        Case("user-lookup-other-user", Users + "/", Body("""{"id":"0c4e2a1b3d5f0fff","name":"someone"}"""), "answers with user id", cloud: true),

        // Trailing data, second documents and duplicate keys.
        Case("authorizations-trailing-html", Authorizations, Body("""{"authorizations": []} <html>502</html>"""), "malformed"),
        Case("authorizations-two-documents", Authorizations, Edit(text => """{"authorizations":[]}""" + text), "malformed"),
        Case("authorizations-duplicate-list", Authorizations, Edit(text => text.Replace("{\"links\"", "{\"authorizations\":[],\"links\"")), "appears twice"),
        Case("authorizations-duplicate-id", Authorizations, Replace("\"id\":\"", "\"id\":\"0c4e2a1b3d5f0aaa\",\"id\":\""), "duplicate property 'id'"),
        Case("orgs-trailing-data", Orgs, Edit(text => text + " {}"), "malformed"),
        Case("orgs-duplicate-key", Orgs, Edit(text => text.Replace("{\"links\"", "{\"orgs\":[],\"links\"")), "malformed"),

        // Paging that never ends.
        Case("orgs-offset-ignored", Orgs, FirstPageAlways(), "paging does not advance"),
        Case("users-after-ignored", Users, FirstPageAlways(), "paging does not advance"),
        Case("orgs-alternating-pages", Orgs, AlternatingOrgPages(), "paging does not advance"),
        // Ten thousand real pages: work that takes its time on a busy machine, not a stall, so a generous timeout.
        Case("orgs-endless-fresh-pages", Orgs, FreshOrgPage(), "still more pages after 10,000 pages", auditTimeout: "00:03:00"),

        // Sizes and depth.
        Case("authorizations-element-over-cap", Authorizations, HugeAuthorization(65), "larger than 64 MiB"),
        Case("authorizations-deeply-nested", Authorizations, Replace("\"links\":\\{", "\"deep\":" + new string('[', 3000) + new string(']', 3000) + ",\"links\":{"), "malformed"),
        Case("orgs-deeply-nested", Orgs, DeeplyNested("orgs"), "malformed"),
        Case("users-ten-megabyte-name", Users, Edit(text => text.Replace("\"name\":\"alice\"", "\"name\":\"" + new string('x', 10 * 1024 * 1024) + "\"")), succeeds: true),

        // Ids are server text too: the token the server was sent, put where an id belongs, is masked like any text.
        Case("authorizations-token-as-ids", Authorizations, EchoInto("\"userID\":\"", "\"id\":\""), succeeds: true),
        Case("users-token-as-id", Users, EchoInto("\"id\":\""), succeeds: true),

        // Framing a client must read like any other.
        Case("authorizations-chunked", Authorizations, Chunked(), succeeds: true),
        Case("authorizations-bom", Authorizations, WithBom(), succeeds: true),
        Case("orgs-bom", Orgs, WithBom(), succeeds: true),
    ];

    /// <param name="members">The Cloud members list: unlike a lookup, its answer has no status that decides alone.</param>
    private static IEnumerable<HostileCase> Generic(string name, string path, string call, Uri otherOrigin, bool cloud = false, bool members = false) =>
    [
        Case($"{name}-token-in-reason-phrase", path, Echo(token => "Bad Token " + token, _ => """{"code":"unauthorized","message":"unauthorized access"}"""), $"{call}", cloud: cloud),
        Case($"{name}-token-in-error-message", path, Echo(_ => "Unauthorized", token => $$"""{"code":"unauthorized","message":"token {{token}} is not valid"}"""), $"{call}", cloud: cloud),
        Case($"{name}-escape-in-reason-phrase", path, Echo(_ => "Bad \u001b[2J\u001b]0;pwned\u0007 Token", _ => "{}", status: 500), $"{call}", cloud: cloud),
        Case($"{name}-html-with-200", path, Html(), "malformed", cloud: cloud),
        // A lookup's 404 ("deleted") is its status: a broken body of it changes nothing.
        Case($"{name}-truncated", path, Truncated(), call, cloud: cloud, succeeds: cloud && !members),
        Case($"{name}-stalled-headers", path, StallHeaders(), "timed out", cloud: cloud, stalls: true),
        Case($"{name}-stalled-body", path, StallBody(), "timed out reading the response body", cloud: cloud, stalls: true),
        Case($"{name}-trickled-body", path, Trickle(), "timed out reading the response body", cloud: cloud, stalls: true),
        Case($"{name}-gzip-unasked", path, Gzip(), "malformed", cloud: cloud, succeeds: cloud && !members),
        Case($"{name}-redirect-to-other-origin", path, Redirect(otherOrigin), "tokengov does not follow redirects", cloud: cloud),
    ];

    private static HostileCase Case(
        string name, string path, Func<HostileExchange, Task> respond, string expected = "", bool cloud = false, bool succeeds = false,
        string auditTimeout = "00:00:20", bool stalls = false) =>
        new(name, [new HostileScript(path, respond)], expected, succeeds, cloud, auditTimeout, stalls);

    /// <summary>Every page is the first: the server ignores <c>offset</c> / <c>after</c>.</summary>
    private static Func<HostileExchange, Task> FirstPageAlways() =>
        async exchange =>
        {
            var upstream = await exchange.UpstreamAsync(exchange.PathAndQuery.Split('&')[0]);
            await exchange.WriteAsync(upstream.Status, upstream.Reason, upstream.Body, upstream.Headers);
        };

    /// <summary>Page A, page B, page A, ...: each page new to the one before it, never empty.</summary>
    private static Func<HostileExchange, Task> AlternatingOrgPages() =>
        exchange => Body(exchange.Count % 2 == 1
            ? """{"orgs":[{"id":"0c4e2a1b3d5f00a1","name":"a"}]}"""
            : """{"orgs":[{"id":"0c4e2a1b3d5f00b1","name":"b"}]}""")(exchange);

    /// <summary>A new page with new ids on every request, forever.</summary>
    private static Func<HostileExchange, Task> FreshOrgPage() =>
        exchange => Body($$"""{"orgs":[{"id":"{{exchange.Count:x16}}","name":"org{{exchange.Count}}"}]}""")(exchange);
}
