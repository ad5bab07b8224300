using TokenGovernance.InfluxDouble;
using TokenGovernance.AuditWorker.Tests.Support;

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
