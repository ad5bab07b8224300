using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Contracts;

/// <summary>The double's responses validate against the official contracts, so it cannot drift from the real API.</summary>
public class DoubleContractTests
{
    public static TheoryData<InfluxDoubleMode, string, string, string> Responses()
    {
        var data = new TheoryData<InfluxDoubleMode, string, string, string>();
        foreach (var (mode, contract) in new[] { (InfluxDoubleMode.Oss27, "oss.yml"), (InfluxDoubleMode.Oss29, "oss.yml"), (InfluxDoubleMode.Cloud, "cloud.yml") })
        {
            data.Add(mode, contract, "/api/v2/authorizations", "Authorizations");
            data.Add(mode, contract, "/api/v2/orgs?limit=100", "Organizations");
            data.Add(mode, contract, "/api/v2/me", "UserResponse");
            data.Add(mode, contract, "/api/v2/users/{alice}", "UserResponse");
            data.Add(mode, contract, "/api/v2/authorizations/{audit}", "Authorization");
        }

        data.Add(InfluxDoubleMode.Oss27, "oss.yml", "/api/v2/users?limit=100", "Users");
        data.Add(InfluxDoubleMode.Cloud, "cloud.yml", "/api/v2/orgs/{acme}/members", "ResourceMembers");
        data.Add(InfluxDoubleMode.Oss27, "oss.yml", "/api/v2/users/0000000000000bad", "Error");
        return data;
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Double_response_matches_the_official_schema(InfluxDoubleMode mode, string contractFile, string path, string schema)
    {
        var test = new TestData((builder, data) =>
        {
            builder.Token(data.Alice, data.Acme, "alice", permissions => permissions.AllAccess());
            var gone = builder.Bucket(data.Acme, "gone");
            var inactive = builder.Token(data.ServiceUser, data.Acme, "", permissions => permissions.Read(gone).Write(data.Telemetry));
            inactive.Status = "inactive";
            gone.Deleted = true;
        });
        await using var server = await InfluxApiDouble.StartAsync(test.Data, mode);
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new("Token", test.AuditToken.Token);
        var response = await http.GetAsync(path.Replace("{alice}", test.Alice.Id).Replace("{acme}", test.Acme.Id).Replace("{audit}", test.AuditToken.Id));
        var json = await response.Content.ReadAsStringAsync();

        var contract = await InfluxContract.LoadAsync(contractFile);
        var errors = contract.Validate(schema, json);

        Assert.True(errors.Count == 0, $"{path} ({mode}) violates {schema}:\n{string.Join('\n', errors.Take(20))}");
    }

    /// <summary>
    /// A re-issue's create, as the v2 client sends it, is an AuthorizationPostRequest, and the double's answer an
    /// Authorization with the value in it (the one time every mode shows it); a delete answers 204 with no body.
    /// </summary>
    [Theory]
    [InlineData(InfluxDoubleMode.Oss27, "oss.yml")]
    [InlineData(InfluxDoubleMode.Oss29, "oss.yml")]
    [InlineData(InfluxDoubleMode.Cloud, "cloud.yml")]
    public async Task Create_and_delete_match_the_official_schema(InfluxDoubleMode mode, string contractFile)
    {
        var test = new TestData();
        await using var server = await InfluxApiDouble.StartAsync(test.Data, mode);
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new("Token", test.AuditToken.Token);
        var contract = await InfluxContract.LoadAsync(contractFile);
        var request = $$$"""
            {"orgID":"{{{test.Acme.Id}}}","userID":"{{{test.ServiceUser.Id}}}","description":"alice writer (re-issued from 0c4e2a1b3d5f0009)","status":"active",
             "permissions":[{"action":"write","resource":{"type":"buckets","id":"{{{test.Telemetry.Id}}}","orgID":"{{{test.Acme.Id}}}"}}]}
            """;
        Assert.Empty(contract.Validate("AuthorizationPostRequest", request));

        var created = await http.PostAsync("/api/v2/authorizations", new StringContent(request, System.Text.Encoding.UTF8, "application/json"));
        var json = await created.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var errors = contract.Validate("Authorization", json);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(20)));
        var made = test.Data.Authorizations.Single(authorization => authorization.UserId == test.ServiceUser.Id);
        Assert.Contains($"\"token\":\"{made.Token}\"", json, StringComparison.Ordinal);

        var deleted = await http.DeleteAsync($"/api/v2/authorizations/{made.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsStringAsync());
        Assert.DoesNotContain(made, test.Data.Authorizations);
    }

    [Fact]
    public async Task A_create_the_caller_may_not_make_is_refused_with_the_contract_error()
    {
        var test = new TestData((builder, data) => builder.Token(data.Alice, data.Acme, "alice all-access", permissions => permissions.AllAccess()));
        await using var server = await InfluxApiDouble.StartAsync(test.Data, InfluxDoubleMode.Oss29);
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new("Token", test.Data.Authorizations.Single(authorization => authorization.Description == "alice all-access").Token);
        var request = $$$"""{"orgID":"{{{test.Acme.Id}}}","userID":"{{{test.ServiceUser.Id}}}","permissions":[{"action":"write","resource":{"type":"buckets","orgID":"{{{test.Acme.Id}}}"}}]}""";

        var response = await http.PostAsync("/api/v2/authorizations", new StringContent(request, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Empty((await InfluxContract.LoadAsync("oss.yml")).Validate("Error", json));
        Assert.Contains($"write:users/{test.ServiceUser.Id} is unauthorized", json, StringComparison.Ordinal);
        Assert.DoesNotContain(test.Data.Authorizations, authorization => authorization.UserId == test.ServiceUser.Id);
    }

    [Fact]
    public async Task Validator_rejects_a_broken_authorization_list()
    {
        var contract = await InfluxContract.LoadAsync("oss.yml");

        var errors = contract.Validate("Authorizations", """
            {"authorizations": [{"id": 12, "status": "sleeping", "permissions": [{"action": "delete", "resource": {"type": "buckets"}}]}]}
            """);

        Assert.NotEmpty(errors);
        Assert.Contains(errors, error => error.Contains("/authorizations/0/status", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("/authorizations/0/permissions/0/action", StringComparison.Ordinal));
    }
}
