using System.Text.Json;
using TokenGovernance.Audit.InfluxV2;
using TokenGovernance.Audit.Model;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.AuditWorker.Tests.Influx;

public class TokenValueConverterTests
{
    private const string Canary = "tgCanary0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/0123456789==";

    [Theory]
    [InlineData("\"" + Canary + "\"")]
    [InlineData("\"tgCanary0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\\u002B\\/0123456789==\"")]
    public void A_visible_value_keeps_the_same_fingerprint_as_the_detector_and_nothing_else(string json)
    {
        var value = Read(json);

        Assert.Equal(new TokenValue(TokenVisibility.Visible, TokenRedaction.Fingerprint(Canary)), value);
        Assert.DoesNotContain(Canary[..12], value.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"", TokenVisibility.Empty)]
    [InlineData("\"redacted\"", TokenVisibility.Redacted)]
    [InlineData("\"REDACTED\"", TokenVisibility.Redacted)]
    [InlineData("null", TokenVisibility.Missing)]
    public void Hidden_values_say_how_they_are_hidden(string json, TokenVisibility visibility) =>
        Assert.Equal(new TokenValue(visibility, null), Read(json));

    [Fact]
    public void Pooled_strings_are_shared_and_read_through_escapes()
    {
        const string json = """
            {"authorizations": [
            {"id": "a", "token": "", "status": "active", "orgID": "0123456789abcdef", "permissions": [{"action": "write", "resource": {"type": "buckets", "orgID": "0123456789abcdef"}}]},
            {"id": "b", "token": "", "status": "act\u0069ve", "orgID": "0123456789abcdef", "permissions": [{"action": "wr\u0069te", "resource": {"type": "buckets", "orgID": "0123456789abcdef"}}]}]}
            """;
        var list = JsonSerializer.Deserialize(json, InfluxJsonContext.Default.InfluxAuthorizationList)!.Authorizations;

        Assert.Equal("active", list[1].Status);
        Assert.Equal("write", list[1].Permissions[0].Action);
        Assert.Same(list[0].OrgId, list[1].OrgId);
        Assert.Same(list[0].Permissions[0].Action, list[1].Permissions[0].Action);
        Assert.Same(list[0].Permissions[0].Resource.OrgId, list[1].Permissions[0].Resource.OrgId);
    }

    private static TokenValue Read(string tokenJson) =>
        JsonSerializer.Deserialize($$"""{"authorizations": [{"id": "1", "token": {{tokenJson}}, "permissions": []}]}""", InfluxJsonContext.Default.InfluxAuthorizationList)!
            .Authorizations.Single().Token;
}
