using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Listing;

/// <summary>
/// <c>tokens --user</c> reads only those users' tokens (one call each) and lists exactly what the full read lists for
/// the same filter: same tokens, same per-token findings; the rules over the whole target do not run on a part of it.
/// </summary>
public sealed class NarrowedReadTests(ListingFixture fixture) : IClassFixture<ListingFixture>
{
    public static TheoryData<InfluxDoubleMode, string[]> Cases()
    {
        var data = new TheoryData<InfluxDoubleMode, string[]>();
        foreach (var mode in InfluxDoubleModes.V2)
        {
            data.Add(mode, ["alice"]);
            data.Add(mode, ["alice", "bob"]);
            data.Add(mode, ["svc-telegraf"]);
            data.Add(mode, ["nobody"]);
            data.Add(mode, ["@id:bob"]);
            data.Add(mode, ["@id:dave"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_narrowed_read_lists_what_the_full_read_lists_for_the_same_users(InfluxDoubleMode mode, string[] users)
    {
        var owners = users.Select(user => user.StartsWith("@id:", StringComparison.Ordinal)
            ? fixture.Data.Data.Users.Single(candidate => candidate.Name == user[4..]).Id : user).ToList();
        var query = new TokenQuery { Users = owners };
        var server = fixture.Server(mode);
        server.Requests.Clear();

        var narrowed = await fixture.AuditAsync(mode, new ReadScope(owners));

        var expected = TokenListing.From(fixture.Report(mode), query, TestData.Now).Tokens;
        var actual = TokenListing.From(narrowed, query, TestData.Now).Tokens;
        Assert.Equal(expected.Select(Summary), actual.Select(Summary));
        var calls = server.Requests.ToList();
        Assert.DoesNotContain(calls, call => call.StartsWith("GET /api/v2/users?limit=", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, call => call == "GET /api/v2/authorizations");
        Assert.All(calls.Where(call => call.StartsWith("GET /api/v2/authorizations", StringComparison.Ordinal)),
            call => Assert.Contains("userID=", call, StringComparison.Ordinal));
        var result = Assert.Single(narrowed.Targets);
        Assert.DoesNotContain(result.Findings, finding => finding.Rule.Id == "TG2016");
    }

    [Theory]
    [InlineData("finding=TG2001")]
    [InlineData("owner=generic&can=write")]
    [InlineData("status=inactive&sort=age")]
    [InlineData("on=buckets:telemetry")]
    public async Task An_audit_that_keeps_only_the_matching_records_lists_the_same(string query)
    {
        var parsed = TokenQueryParser.Parse(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query).SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value!))), "");

        var kept = await fixture.AuditAsync(InfluxDoubleMode.Oss27, ReadScope.All, parsed);

        var full = TokenListing.From(fixture.Report(InfluxDoubleMode.Oss27), parsed, TestData.Now).Tokens;
        Assert.Equal(full.Select(Summary), TokenListing.From(kept, parsed, TestData.Now).Tokens.Select(Summary));
        Assert.Equal(full.Count, Assert.Single(kept.Targets).Tokens!.Count);
    }

    private static string Summary(TokenRecord token) =>
        $"{token.Id} {token.OwnerKind} {token.OwnerStatus} {token.Status} {string.Join(',', token.Findings!.Select(finding => finding.RuleId))}";
}
