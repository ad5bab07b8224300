using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.References;
using TokenGovernance.Audit.Reporting;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Persistence;

public class SnapshotCodecTests
{
    [Fact]
    public async Task A_stored_snapshot_reads_back_as_the_same_report_and_holds_no_token()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        harness.Settings["Policy:Exemptions:0:Rule"] = "TG2005";
        harness.Settings["Policy:Exemptions:0:AuthorizationId"] = harness.TestData.AuditToken.Id;
        harness.Settings["Policy:Exemptions:0:Reason"] = "audit token";
        using var host = harness.BuildHost();
        var audited = await harness.AuditAsync();
        var firstSeen = new DateTimeOffset(2026, 10, 1, 8, 30, 0, TimeSpan.Zero);
        var original = audited with
        {
            Findings = [.. audited.Findings.Select(finding => finding with { FirstSeen = firstSeen }),
                new Finding { Rule = audited.Findings[0].Rule, Severity = Severity.Low, Target = "test", Reference = new FindingReference("files", "/etc/app.env:3"), Message = "referenced" }],
            References = new ReferenceSummary(new Dictionary<(string, string), int> { [("files", "working")] = 2, [("kubernetes", "inactive")] = 1 }, ["kubernetes: 403"]),
        };
        Assert.Contains(original.Findings, finding => finding.Suppressed);

        var codec = new SnapshotCodec(host.Services.GetRequiredService<PolicyRuleCatalog>());
        var payload = codec.Encode(original);
        var decoded = codec.Decode(payload);

        Assert.Equal(Json(original), Json(decoded));
        Assert.Equal(original.References!.CountsBySourceAndState, decoded.References!.CountsBySourceAndState);
        Assert.Equal(original.Findings[0].Rule, decoded.Findings[0].Rule);
        CanaryAssert.NoTokenIn(System.Text.Encoding.UTF8.GetString(payload), harness.TestData.AllTokenValues, "the stored payload");
        Assert.Throws<InvalidDataException>(() => codec.Decode(new byte[] { 9, 1, 2 }));
    }

    [Fact]
    public async Task An_influxdb3_result_keeps_its_kind_token_names_and_how_references_were_matched()
    {
        var data = InfluxV3.V3Data.V3((builder, _) => InfluxV3.V3Data.Described(builder, "old-backfill", "db:billing:write", TestData.Now.AddDays(-20)));
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.V3Enterprise, data);
        using var files = new TempDirectory();
        files.File("app.env", $"INFLUX_TOKEN={data.V3Tokens.Single(row => row.Name == "old-backfill").Token}\n");
        harness.Settings["References:Files:0:Path"] = files.Path;
        harness.Settings["References:Files:0:Kind"] = "secret";
        using var host = harness.BuildHost();
        var audited = await harness.AuditAsync();

        var codec = new SnapshotCodec(host.Services.GetRequiredService<PolicyRuleCatalog>());
        var decoded = codec.Decode(codec.Encode(audited));

        Assert.Equal(("influxdb3", "enterprise"), (decoded.Kind, decoded.Flavor));
        var dead = Assert.Single(decoded.Findings, finding => finding.Rule.Id == "TG2002");
        Assert.Equal(("old-backfill", "hash-prefix"), (dead.TokenName, dead.Reference!.MatchedBy));
    }

    [Fact]
    public async Task Token_records_and_counts_survive_the_snapshot()
    {
        await using var harness = await AuditHarness.StartAsync(InfluxDoubleMode.Oss27);
        using var host = harness.BuildHost();
        var audited = (await harness.RunAsync(AuditDetail.Tokens)).Targets.Single();
        audited = audited with { TokenCounts = [new Audit.Listing.TokenCount("personal", "write", "active", 2)] };
        Assert.NotEmpty(audited.Tokens!);

        var codec = new SnapshotCodec(host.Services.GetRequiredService<PolicyRuleCatalog>());
        var payload = codec.Encode(audited);
        var decoded = codec.Decode(payload);

        Assert.Equal(audited.TokenCounts, decoded.TokenCounts);
        Assert.Equal(audited.Tokens!.Count, decoded.Tokens!.Count);
        Assert.All(audited.Tokens.Zip(decoded.Tokens), pair =>
        {
            Assert.Equal(pair.First with { Permissions = [], References = [] }, pair.Second with { Permissions = [], References = [] });
            Assert.Equal(pair.First.Permissions, pair.Second.Permissions);
        });
        CanaryAssert.NoTokenIn(System.Text.Encoding.UTF8.GetString(payload), harness.TestData.AllTokenValues, "the stored payload");

        // A payload written before the inventory (no tokens, no counts) reads as such.
        var old = codec.Decode(codec.Encode(audited with { Tokens = null, TokenCounts = [] }));
        Assert.Null(old.Tokens);
        Assert.Empty(old.TokenCounts);
    }

    private static string Json(TargetAuditResult result)
    {
        using var stream = new MemoryStream();
        new JsonReportWriter().WriteAsync(ReportDocumentBuilder.Build(new AuditReport(result.StartedAt, result.FinishedAt, [result])), stream, CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
