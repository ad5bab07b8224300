using Microsoft.AspNetCore.WebUtilities;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Listing;

/// <summary>Every filter of <c>tokens</c>, alone and combined, on the tokens the real reader read from each product mode.</summary>
public sealed class TokenFilterTests(ListingFixture fixture) : IClassFixture<ListingFixture>
{
    private const string Audit = "audit";
    private const string DaveOnCloud = "dave writer@cloud";

    public static TheoryData<InfluxDoubleMode, string, string[]> Cases()
    {
        var data = new TheoryData<InfluxDoubleMode, string, string[]>();
        (string Query, string[] Expected)[] cases =
        [
            // The seed's recipe: one user's active tokens that can write.
            ("user=alice&can=write&status=active", ["alice telemetry writer"]),
            ("user=alice", ["alice telemetry writer", "alice billing reader", "alice retired writer", "alice sensors reader"]),
            ("user=alice&user=bob", ["alice telemetry writer", "alice billing reader", "alice retired writer", "alice sensors reader", "bob writer"]),
            ("status=inactive", ["alice retired writer"]),
            ("status=active&status=inactive&user=bob", ["bob writer"]),
            ("can=write", [Audit, "alice telemetry writer", "alice retired writer", "svc telemetry writer", "svc any bucket", "bob writer", DaveOnCloud]),
            ("can=read&user=alice", ["alice billing reader", "alice sensors reader"]),
            // An org-wide write on buckets, and the operator's instance-wide one, reach telemetry too.
            ("on=buckets:telemetry&can=write", [Audit, "alice telemetry writer", "svc telemetry writer", "svc any bucket", "bob writer", DaveOnCloud]),
            ("on=buckets:telemetry&can=read", [Audit]),
            ("on=bucket:billing", [Audit, "alice billing reader", "alice retired writer", "svc any bucket"]),
            ("on=buckets:sensors&user=alice", ["alice sensors reader"]),
            ("on=secrets", [Audit]),
            ("owner=generic", ["svc telemetry writer", "svc any bucket"]),
            ("owner=admin", [Audit]),
            ("owner=personal&can=read", ["alice billing reader", "alice sensors reader"]),
            ("owner=deleted", [DaveOnCloud]),
            ("owner=generic&owner=deleted", ["svc telemetry writer", "svc any bucket", DaveOnCloud]),
            ("owner=none", []),
            ("finding=TG2010", ["bob writer"]),
            ("finding=tg2015&status=inactive", ["alice retired writer"]),
            ("older-than=300", ["alice retired writer"]),
            ("older-than=10&user=svc-telegraf", ["svc telemetry writer", "svc any bucket"]),
            ("expires-within=3650", []),
            ("org=acme&status=inactive", ["alice retired writer"]),
            ("org=nowhere", []),
            ("target=test&user=bob", ["bob writer"]),
        ];
        foreach (var mode in InfluxDoubleModes.V2)
        {
            foreach (var (query, expected) in cases)
            {
                var forMode = expected.Where(name => name != DaveOnCloud || mode == InfluxDoubleMode.Cloud).Select(name => name.Replace("@cloud", string.Empty)).ToArray();
                data.Add(mode, query, forMode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filters_keep_exactly_the_tokens_they_describe(InfluxDoubleMode mode, string query, string[] expected)
    {
        var listing = TokenListing.From(fixture.Report(mode), Parse(query), TestData.Now);

        Assert.True(listing.Complete);
        Assert.Equal(expected.Order(), listing.Tokens.Select(token => token.Description ?? string.Empty).Order());
    }

    [Theory]
    [InlineData(InfluxDoubleMode.Oss27)]
    [InlineData(InfluxDoubleMode.Oss29)]
    [InlineData(InfluxDoubleMode.Cloud)]
    public void Records_carry_the_owner_s_kind_and_state_the_access_and_the_token_s_findings(InfluxDoubleMode mode)
    {
        var tokens = TokenListing.From(fixture.Report(mode), new TokenQuery(), TestData.Now).Tokens.ToDictionary(token => token.Description!);

        var bob = tokens["bob writer"];
        Assert.Equal(("personal", "inactive", "write", "active"), (bob.OwnerKind, bob.OwnerStatus, bob.Access, bob.Status));
        Assert.Contains(bob.Findings!, finding => finding.RuleId == "TG2010" && finding.Message.Contains("bob", StringComparison.Ordinal));
        Assert.Equal("write buckets/telemetry", PermissionSummary.Of(bob.Permissions));
        Assert.Equal("acme", bob.ScopeName);
        Assert.Equal(TestData.Now.AddDays(-30), bob.CreatedAt);
        Assert.Null(bob.ExpiresAt);
        Assert.Equal(("admin", "operator", "admin"), (tokens[Audit].Access, tokens[Audit].Kind, tokens[Audit].OwnerKind));
        Assert.Equal("write buckets", PermissionSummary.Of(tokens["svc any bucket"].Permissions));
        Assert.Equal(mode == InfluxDoubleMode.Oss27 ? "visible" : mode == InfluxDoubleMode.Oss29 ? "empty" : "redacted", bob.ValueVisibility);
        Assert.Equal(mode == InfluxDoubleMode.Oss27, bob.Fingerprint is not null);
        if (mode == InfluxDoubleMode.Cloud)
        {
            Assert.Equal(("deleted", "deleted"), (tokens["dave writer"].OwnerKind, tokens["dave writer"].OwnerStatus));
        }
    }

    [Fact]
    public void Sorts_put_the_oldest_first_the_newest_first_or_by_owner()
    {
        var report = fixture.Report(InfluxDoubleMode.Oss27);
        string[] Sorted(string sort) => TokenListing.From(report, Parse("sort=" + sort), TestData.Now).Tokens.Select(token => token.Description!).ToArray();

        Assert.Equal("alice retired writer", Sorted("age")[0]);
        Assert.Equal("alice retired writer", Sorted("created")[^1]);
        var owners = TokenListing.From(report, Parse("sort=owner"), TestData.Now).Tokens.Select(token => token.OwnerName!).ToList();
        Assert.Equal(owners.Order(StringComparer.Ordinal), owners);
        var ids = TokenListing.From(report, new TokenQuery(), TestData.Now).Tokens.Select(token => token.Id).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Theory]
    [InlineData("status=gone", "status 'gone' is not active, inactive, expired or revoked")]
    [InlineData("can=delete", "can 'delete' is not read or write")]
    [InlineData("owner=robot", "owner 'robot' is not generic, personal, admin, deleted or none")]
    [InlineData("finding=2001", "finding '2001' is not a rule id such as TG2001")]
    [InlineData("older-than=-1", "older-than '-1' is not a number of days from 0 to 36500")]
    [InlineData("expires-within=1e3", "expires-within '1e3' is not a number of days from 0 to 36500")]
    [InlineData("on=:telemetry", "on ':telemetry' is not TYPE or TYPE:NAME")]
    [InlineData("on=buckets:", "on 'buckets:' is not TYPE or TYPE:NAME")]
    [InlineData("sort=size", "sort 'size' is not target, created, age or owner")]
    [InlineData("colour=red", "'colour' is not a filter; the filters are target, user")]
    public void A_value_the_parser_cannot_read_is_named_with_what_it_accepts(string query, string message)
    {
        var exception = Assert.Throws<TokenQueryException>(() => Parse(query));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }

    private static TokenQuery Parse(string query) => TokenQueryParser.Parse(
        QueryHelpers.ParseQuery("?" + query).SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value!))), prefix: string.Empty);
}
