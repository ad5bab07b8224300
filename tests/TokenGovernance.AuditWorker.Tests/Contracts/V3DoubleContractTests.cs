using System.Text.Json.Nodes;
using TokenGovernance.AuditWorker.Tests.InfluxV3;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Contracts;

/// <summary>
/// The double's InfluxDB 3 Core/Enterprise, Cloud Dedicated and Clustered answers against the official OpenAPI files
/// in shared/influxdb-api/docs-v2/api-docs/influxdb3, so the readers are tested on what the real APIs declare.
/// </summary>
public sealed class V3DoubleContractTests
{
    private const string DedicatedTokens = "/accounts/{accountId}/clusters/{clusterId}/tokens";

    public static TheoryData<InfluxDoubleMode, string, string, string, string> Responses() => new()
    {
        { InfluxDoubleMode.CloudDedicated, "cloud-dedicated/management/openapi.yml", "/api/v0/accounts/{account}/clusters/{cluster}/tokens", DedicatedTokens, "200" },
        { InfluxDoubleMode.CloudDedicated, "cloud-dedicated/management/openapi.yml", "/api/v0/accounts/{account}/clusters/{cluster}/tokens?unauthorized", DedicatedTokens, "401" },
        { InfluxDoubleMode.CloudDedicated, "cloud-dedicated/management/openapi.yml", "/api/v0/accounts/{account}/clusters/44444444-4444-4444-8444-444444444444/tokens", DedicatedTokens, "404" },
        { InfluxDoubleMode.Clustered, "clustered/management/openapi.yml", "/api/v0/tokens", "/tokens", "200" },
        { InfluxDoubleMode.Clustered, "clustered/management/openapi.yml", "/api/v0/tokens?unauthorized", "/tokens", "401" },
        { InfluxDoubleMode.V3Core, "core/influxdb3-core-openapi.yaml", "/ping", "/ping", "200" },
        { InfluxDoubleMode.V3Enterprise, "enterprise/influxdb3-enterprise-openapi.yaml", "/ping", "/ping", "200" },
        { InfluxDoubleMode.V3Core, "core/influxdb3-core-openapi.yaml", "/api/v3/query_sql?unauthorized", "/api/v3/query_sql", "401" },
        { InfluxDoubleMode.V3Enterprise, "enterprise/influxdb3-enterprise-openapi.yaml", "/api/v3/query_sql?unauthorized", "/api/v3/query_sql", "401" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Double_response_matches_the_official_schema(InfluxDoubleMode mode, string contractFile, string request, string contractPath, string status)
    {
        var data = mode.IsV3() ? Data() : V3Data.Management((builder, _) =>
        {
            builder.DatabaseToken("writer", ("write", "telemetry"), ("read", "*")).ExpiresAt = V3Data.Now.AddDays(30);
            builder.DatabaseToken("revoked", ("read", "telemetry")).RevokedAt = V3Data.Now.AddDays(-1);
        });
        await using var server = await InfluxApiDouble.StartAsync(data, mode);
        using var http = new HttpClient { BaseAddress = server.Url };
        var unauthorized = request.EndsWith("?unauthorized", StringComparison.Ordinal);
        var token = mode.IsV3() ? data.V3Tokens[0].Token : data.ManagementToken;
        http.DefaultRequestHeaders.Authorization = new("Bearer", unauthorized ? "apiv3_not-a-token" : token);
        var path = request.Replace("?unauthorized", string.Empty).Replace("{account}", data.AccountId).Replace("{cluster}", data.ClusterId);
        if (path == "/api/v3/query_sql")
        {
            path += "?db=_internal&format=json&q=" + Uri.EscapeDataString(InfluxApiDouble.TokensQuery);
        }

        var response = await http.GetAsync(path);
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var contract = await InfluxContract.LoadV3Async(contractFile);
        var errors = contract.ValidateResponse(contractPath, "get", status, json);
        Assert.True(errors.Count == 0, $"{request} ({mode}) violates {contractPath} {status}:\n{string.Join('\n', errors.Take(20))}\n{json}");
    }

    [Theory]
    [InlineData("core/influxdb3-core-openapi.yaml")]
    [InlineData("enterprise/influxdb3-enterprise-openapi.yaml")]
    public async Task The_token_query_sends_the_parameters_the_contract_declares(string contractFile)
    {
        var contract = await InfluxContract.LoadV3Async(contractFile);
        var operation = contract.Document["paths"]!["/api/v3/query_sql"]!["get"]!;
        var parameters = operation["parameters"]!.AsArray().Select(parameter => Resolve(contract, parameter!)).ToList();

        // tokengov sends db, q and format (and nothing else); the contract must know them and require nothing more.
        var names = parameters.Where(parameter => (string?)parameter["in"] == "query").Select(parameter => (string)parameter["name"]!).ToList();
        Assert.Subset(names.ToHashSet(), new HashSet<string> { "db", "q", "format" });
        Assert.All(parameters.Where(parameter => parameter["required"]?.GetValue<bool>() == true && (string?)parameter["in"] == "query"),
            parameter => Assert.Contains((string)parameter["name"]!, new[] { "db", "q" }));
        var format = parameters.Single(parameter => (string?)parameter["name"] == "format")["schema"]!;
        var formats = Resolve(contract, format)["enum"]!.AsArray().Select(value => (string)value!);
        Assert.Contains("json", formats);

        // The contract's QueryResponse is an object ({"results": [...]}); the server's format=json is an array of row
        // objects (arrow_json's ArrayWriter, as `influxdb3 query --format json` prints), which the double and the reader
        // follow. This assertion fails when the contract is corrected, so the double can be checked against it then.
        var ok = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("object", (string?)Resolve(contract, ok)["type"]);
    }

    [Theory]
    [InlineData(InfluxDoubleMode.V3Core, "core/influxdb3-core-openapi.yaml", "Core")]
    [InlineData(InfluxDoubleMode.V3Enterprise, "enterprise/influxdb3-enterprise-openapi.yaml", "Enterprise")]
    public async Task The_edition_header_is_the_one_the_contract_documents(InfluxDoubleMode mode, string contractFile, string build)
    {
        var contract = await InfluxContract.LoadV3Async(contractFile);
        var headers = contract.Document["paths"]!["/ping"]!["get"]!["responses"]!["200"]!["headers"]!.AsObject();
        await using var server = await InfluxApiDouble.StartAsync(Data(), mode);
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.Data.V3Tokens[0].Token);

        var response = await http.GetAsync("/ping");

        Assert.Contains("x-influxdb-build", headers.Select(header => header.Key));
        Assert.Contains($"`{build}`", (string?)headers["x-influxdb-build"]!["description"], StringComparison.Ordinal);
        Assert.Equal(build, response.Headers.GetValues("x-influxdb-build").Single());
    }

    [Fact]
    public async Task Validator_rejects_a_broken_database_token_list()
    {
        var contract = await InfluxContract.LoadV3Async("cloud-dedicated/management/openapi.yml");

        var errors = contract.ValidateResponse(DedicatedTokens, "get", "200", """
            [{"id": "55555555-5555-4555-8555-555555555555", "permissions": "all", "createdAt": "2024-01-01T00:00:00Z"}]
            """);

        Assert.Contains(errors, error => error.Contains("/0", StringComparison.Ordinal) && error.Contains("required", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("/0/permissions", StringComparison.Ordinal));
    }

    private static InfluxDataSet Data() => V3Data.V3((builder, _) =>
    {
        builder.Described("reader", "db:telemetry,billing:read system:health:read", V3Data.Now.AddDays(30));
        builder.Described("ci-admin", expiry: V3Data.Now.AddDays(30));
    });

    /// <summary>A parameter or schema, through its <c>$ref</c> into the components when it has one.</summary>
    private static JsonNode Resolve(InfluxContract contract, JsonNode node)
    {
        if (node["$ref"] is not { } reference)
        {
            return node;
        }

        var parts = ((string)reference!).TrimStart('#', '/').Split('/');
        return parts.Aggregate((JsonNode)contract.Document, (current, part) => current[part]!);
    }
}
