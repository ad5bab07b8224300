using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.InfluxV3;

/// <summary>
/// References to InfluxDB 3 tokens are matched by hash prefix, computed here: a canary value found in a file reaches
/// its token, and never any output, log or request. Dedicated and Clustered match by declared id only, and say so.
/// </summary>
public sealed class V3ReferenceTests : IDisposable
{
    private static readonly DateTimeOffset Now = V3Data.Now;
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_canary_v3_token_in_a_file_is_matched_by_hash_prefix_and_appears_nowhere()
    {
        DoubleV3Token expired = null!;
        DoubleV3Token working = null!;
        var data = V3Data.V3((builder, _) =>
        {
            expired = builder.Described("old-backfill", "db:billing:write", Now.AddDays(-20));
            working = builder.Described("writer", "db:telemetry:write", Now.AddDays(60));
        });
        var ghost = InfluxDataSetBuilder.NewV3TokenValue();
        _files.File("backfill.env", $"INFLUX_TOKEN={expired.Token}\n");
        _files.File("writer.env", $"INFLUX_TOKEN={working.Token}\n");
        _files.File("ghost.env", $"INFLUX_TOKEN={ghost}\n");
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Enterprise, data);
        harness.Settings["References:Files:0:Path"] = _files.Path;
        harness.Settings["References:Files:0:Kind"] = "secret";

        var report = await harness.RunAsync(AuditDetail.Tokens);

        var result = Assert.Single(report.Targets);
        var dead = Assert.Single(result.Findings, finding => finding.Rule.Id == PolicyRuleIds.ReferencedTokenInactive);
        Assert.Equal((expired.Id.ToString(), "hash-prefix"), (dead.AuthorizationId, dead.Reference!.MatchedBy));
        Assert.Contains("which is expired", dead.Message, StringComparison.Ordinal);
        var unknown = Assert.Single(result.Findings, finding => finding.Rule.Id == PolicyRuleIds.ReferencedTokenUnknown);
        Assert.EndsWith("ghost.env:1", unknown.Reference!.Location, StringComparison.Ordinal);
        Assert.Contains("does not know (no token it lists has its hash)", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.References!.CountsByState["working"]);
        var writer = Assert.Single(result.Tokens!, token => token.Name == "writer");
        Assert.Equal("hash-prefix", Assert.Single(writer.References).MatchedBy);

        // The values were only ever hashed here: the server saw the audit token and one request without any.
        Assert.Equal(["(none)", "_admin"], harness.Server.V3Callers.Distinct().Order(StringComparer.Ordinal));
        var canaries = new[] { expired.Token, working.Token, ghost };
        var outputs = await ReportTextsAsync(report, harness);
        foreach (var (where, text) in outputs.Append(("log", harness.Logs.Text)).Append(("requests", string.Join('\n', harness.Server.Requests))))
        {
            CanaryAssert.NoTokenIn(text, canaries, where);
        }

        Assert.Contains("\"matchedBy\": \"hash-prefix\"", outputs.Single(output => output.Where == "json").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_auth_lists_no_hashes_so_its_references_stay_unresolved()
    {
        var data = V3Data.V3((_, set) => set.WithoutAuth = true);
        _files.File("app.env", $"INFLUX_TOKEN={data.V3Tokens[1].Token}\n");
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Core, data);
        harness.Settings["References:Files:0:Path"] = _files.Path;
        harness.Settings["References:Files:0:Kind"] = "secret";

        var result = await harness.AuditAsync();

        Assert.Equal([PolicyRuleIds.ServerWithoutAuth], result.Findings.Select(finding => finding.Rule.Id));
        Assert.Equal(1, result.References!.CountsByState["unresolved"]);
    }

    [Theory]
    [InlineData(InfluxDoubleMode.CloudDedicated)]
    [InlineData(InfluxDoubleMode.Clustered)]
    public async Task Dedicated_and_clustered_references_match_by_declared_id_only_and_say_so(InfluxDoubleMode mode)
    {
        DoubleDatabaseToken revoked = null!;
        var data = V3Data.Management((builder, _) =>
        {
            revoked = builder.DatabaseToken("old writer", ("write", "telemetry"));
            revoked.RevokedAt = Now.AddDays(-3);
        });
        var value = "apiv1_" + new string('7', 64);
        _files.File("values/app.env", $"INFLUX_TOKEN={value}\n");
        var inventory = _files.File("inventory.json", $$"""
            [{"name": "billing-writer", "authorizationId": "{{revoked.Id}}", "location": "vault:kv/billing/influx"}]
            """);
        await using var harness = await AuditHarness.StartAsync(mode, data);
        harness.Settings["References:Files:0:Path"] = Path.Combine(_files.Path, "values");
        harness.Settings["References:Files:0:Kind"] = "secret";
        harness.Settings["References:Inventory"] = inventory;

        var result = await harness.AuditAsync();

        var dead = Assert.Single(result.Findings, finding => finding.Rule.Id == PolicyRuleIds.ReferencedTokenInactive);
        Assert.Equal((revoked.Id, "id"), (dead.AuthorizationId, dead.Reference!.MatchedBy));
        Assert.Contains("which is revoked", dead.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.References!.CountsByState["unresolved"]);
        Assert.Contains("exposes neither values nor hashes and takes no probe; declare the token id", harness.Logs.Text, StringComparison.Ordinal);
        CanaryAssert.NoTokenIn(harness.Logs.Text + string.Join('\n', harness.Server.Requests), [value], "log and requests");
    }

    private static async Task<List<(string Where, string Text)>> ReportTextsAsync(AuditReport report, AuditHarness harness)
    {
        using var host = harness.BuildHost();
        var document = ReportDocumentBuilder.Build(report);
        var texts = new List<(string, string)>();
        foreach (var writer in host.Services.GetServices<IReportWriter>())
        {
            using var stream = new MemoryStream();
            await writer.WriteAsync(document, stream, CancellationToken.None);
            texts.Add((writer.Format, System.Text.Encoding.UTF8.GetString(stream.ToArray())));
        }

        Assert.Equal(["json", "sarif", "table"], texts.Select(text => text.Item1).Order());
        return texts;
    }
}
