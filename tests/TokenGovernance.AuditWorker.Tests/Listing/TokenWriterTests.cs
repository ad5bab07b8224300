using System.Text;
using System.Text.Json;
using Json.Schema;
using Sylvan.Data.Csv;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Listing.Writers;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Listing;

/// <summary>The three formats of <c>tokens</c> on what the reader read: JSON against its schema, CSV read back by a CSV parser, no value anywhere.</summary>
public sealed class TokenWriterTests(ListingFixture fixture) : IClassFixture<ListingFixture>
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(RepositoryRoot.Path, "docs", "schemas", "tokens-v1.schema.json")));

    public static TheoryData<InfluxDoubleMode> Modes() => [.. InfluxDoubleModes.V2];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Json_follows_its_documented_schema_with_every_field_of_every_token(InfluxDoubleMode mode)
    {
        var listing = TokenListing.From(fixture.Report(mode), new TokenQuery(), TestData.Now);
        var json = await WriteAsync(new TokenJsonWriter(), listing);

        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"))));
        var tokens = document.RootElement.GetProperty("tokens");
        Assert.Equal(listing.Tokens.Count, tokens.GetArrayLength());
        var bob = tokens.EnumerateArray().Single(token => token.GetProperty("description").GetString() == "bob writer");
        Assert.Equal("inactive", bob.GetProperty("ownerStatus").GetString());
        Assert.Contains(bob.GetProperty("findings").EnumerateArray(), finding => finding.GetProperty("ruleId").GetString() == "TG2010");
        Assert.True(document.RootElement.GetProperty("complete").GetBoolean());
        CanaryAssert.NoTokenIn(json, fixture.Data.AllTokenValues, "tokens --format json");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Csv_reads_back_with_a_csv_parser_into_the_same_tokens(InfluxDoubleMode mode)
    {
        var listing = TokenListing.From(fixture.Report(mode), new TokenQuery(), TestData.Now);
        var csv = await WriteAsync(new TokenCsvWriter(), listing);

        var rows = ReadCsv(csv);
        Assert.Equal(listing.Tokens.Select(token => token.Id), rows.Select(row => row["id"]));
        var bob = rows.Single(row => row["description"] == "bob writer");
        Assert.Equal(("personal", "inactive", "write", "active"), (bob["owner_kind"], bob["owner_status"], bob["access"], bob["status"]));
        Assert.Equal("write buckets/telemetry", bob["permissions"]);
        Assert.Equal("write buckets acme/telemetry", bob["permission_list"]);
        Assert.Contains("TG2010", bob["findings"].Split(' '));
        Assert.Equal("2026-10-29T12:00:00Z", bob["created_at"]);
        Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        CanaryAssert.NoTokenIn(csv, fixture.Data.AllTokenValues, "tokens --format csv");
    }

    [Fact]
    public async Task Table_has_a_line_per_token_and_a_closing_count()
    {
        var listing = TokenListing.From(fixture.Report(InfluxDoubleMode.Oss27), new TokenQuery { Users = ["alice"] }, TestData.Now);
        var table = await WriteAsync(new TokenTableWriter(), listing);

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("TARGET  ID", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("alice retired writer", StringComparison.Ordinal) && line.Contains("inactive", StringComparison.Ordinal) && line.Contains("400d", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("alice telemetry writer", StringComparison.Ordinal) && line.Contains("write buckets/telemetry", StringComparison.Ordinal) && line.Contains("TG2001", StringComparison.Ordinal));
        Assert.Equal("4 token(s) listed, of 8 read on 1 target(s).", lines[^1]);
        Assert.DoesNotContain(lines, line => line.EndsWith(' '));
        CanaryAssert.NoTokenIn(table, fixture.Data.AllTokenValues, "tokens --format table");
    }

    [Fact]
    public async Task Hostile_server_text_stays_one_cell_inert_in_spreadsheets_and_terminals()
    {
        var hostile = new TokenRecord
        {
            Target = "prod", Product = "oss", Id = "0a", Description = "=HYPERLINK(\"http://x\",\"a,b\")\r\nsecond line\u001b[2J",
            OwnerName = "@mallory", OwnerId = "u1", OwnerKind = "personal", OwnerStatus = "active", Kind = "custom", Status = "active", Access = "read",
            Permissions = [new PermissionRecord("read", "buckets", "o1", "acme", "b1", "-telemetry")], ValueVisibility = "empty", Findings = [],
        };
        var listing = new TokenListing(TestData.Now, [new TokenListingTarget("prod", "oss", null, 1, [])], [hostile]);

        var csv = await WriteAsync(new TokenCsvWriter(), listing);
        var row = Assert.Single(ReadCsv(csv));
        Assert.Equal("'=HYPERLINK(\"http://x\",\"a,b\")\\r\\nsecond line\\e[2J", row["description"]);
        Assert.DoesNotContain('\u001b', csv);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("'@mallory", row["owner_name"]);
        var table = await WriteAsync(new TokenTableWriter(), listing);
        Assert.DoesNotContain('\u001b', table);
        // Header, the one row, the count: the CR LF inside the description did not start a line.
        Assert.Equal(3, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Csv_shows_window_titles_bells_and_bidi_overrides_as_escapes()
    {
        var hostile = new TokenRecord
        {
            Target = "prod", Product = "oss", Id = "0b", Description = "ok\u001b]0;owned\u0007 \u202ecod.exe",
            OwnerName = "mal\u202elory", OwnerId = "u1", OwnerKind = "personal", OwnerStatus = "active", Kind = "custom", Status = "active", Access = "read",
            Permissions = [], ValueVisibility = "empty", Findings = [],
        };
        var listing = new TokenListing(TestData.Now, [new TokenListingTarget("prod", "oss", null, 1, [])], [hostile]);

        var csv = await WriteAsync(new TokenCsvWriter(), listing);

        Assert.DoesNotContain(csv, character => character is '\u001b' or '\u0007' or '\u202e');
        var row = Assert.Single(ReadCsv(csv));
        Assert.Equal("ok\\e]0;owned\\u0007 \\u202ecod.exe", row["description"]);
        Assert.Equal("mal\\u202elory", row["owner_name"]);
    }

    private static List<Dictionary<string, string>> ReadCsv(string csv)
    {
        // Strict RFC 4180: a quote inside an unquoted field, or a row of another width, is an error rather than a guess.
        using var reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { Delimiter = ',', CsvStyle = CsvStyle.Standard, ResultSetMode = ResultSetMode.SingleResult });
        Assert.Equal(TokenCsvWriter.Columns, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(TokenCsvWriter.Columns.Count, reader.RowFieldCount);
            rows.Add(TokenCsvWriter.Columns.ToDictionary(column => column, column => reader.GetString(reader.GetOrdinal(column))));
        }

        return rows;
    }

    private static async Task<string> WriteAsync(ITokenListWriter writer, TokenListing listing)
    {
        using var buffer = new MemoryStream();
        await writer.WriteAsync(listing, buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
