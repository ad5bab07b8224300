using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TokenGovernance.Audit.InfluxV2;
using TokenGovernance.AuditWorker.Tests.Support;
using TokenGovernance.InfluxDouble;

namespace TokenGovernance.AuditWorker.Tests.Influx;

public class AuthorizationListReaderTests
{
    [Theory]
    [InlineData(InfluxDoubleMode.Oss27, 1)]
    [InlineData(InfluxDoubleMode.Oss27, 7)]
    [InlineData(InfluxDoubleMode.Oss29, 4096)]
    [InlineData(InfluxDoubleMode.Cloud, 13)]
    public async Task Reads_what_the_serializer_reads_however_the_bytes_arrive(InfluxDoubleMode mode, int bytesPerRead)
    {
        var data = new TestData((builder, test) =>
        {
            builder.Token(test.Alice, test.Acme, "alice \"quoted\" \u00e9t\u00e9 writer", permissions => permissions.Write(test.Telemetry));
            builder.Token(test.ServiceUser, test.Acme, "", permissions => permissions.Read(test.Telemetry));
            builder.Token(test.Admin, test.Acme, "all access", permissions => permissions.AllAccess());
        });
        await using var harness = await AuditHarness.StartAsync(mode, data);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(harness.Server.Url, "api/v2/authorizations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", data.AuditToken.Token);
        var body = await (await http.SendAsync(request)).Content.ReadAsByteArrayAsync();

        var expected = JsonSerializer.Deserialize(body, InfluxJsonContext.Default.InfluxAuthorizationList)!.Authorizations;
        var actual = await AuthorizationListReader.ReadAsync(new TrickleStream(body, bytesPerRead), CancellationToken.None);

        Assert.Equal(Describe(expected), Describe(actual!));
        Assert.Equal(data.Data.Authorizations.Count, actual!.Count);
    }

    [Fact]
    public async Task An_element_larger_than_the_buffer_is_read_whole()
    {
        var description = new string('d', 300_000);
        var json = $$$"""{"links": {"self": "/api/v2/authorizations"}, "authorizations": [{"id": "1", "description": "{{{description}}}", "permissions": [{"action": "read", "resource": {"type": "buckets", "extra": [1, {"a": null}]}}], "token": ""}, {"id": "2", "permissions": []}]}""";

        var list = await ReadAsync(json, bytesPerRead: 8192);

        Assert.Equal(["1", "2"], list.Select(authorization => authorization.Id));
        Assert.Equal(description, list[0].Description);
        Assert.Equal("buckets", list[0].Permissions.Single().Resource.Type);
    }

    [Theory]
    [InlineData("""{"links": {}}""", "required property 'authorizations' is missing")]
    [InlineData("""{"authorizations": null}""", "null")]
    [InlineData("""{"authorizations": [{"id": "1", "permissions": "write"}]}""", "permissions")]
    [InlineData("""{"authorizations": [{"id": 5, "permissions": []}]}""", "authorizations")]
    [InlineData("""{"authorizations": [{"id": "1", "createdAt": "yesterday"}]}""", "ISO 8601")]
    [InlineData("""{"authorizations": [{"id": "1", "permissions": []}""", "open JSON object or array")]
    [InlineData("""[]""", "expected StartObject")]
    [InlineData("""<html>""", "")]
    public async Task Malformed_lists_throw_JsonException(string json, string expected)
    {
        var exception = await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync(json, bytesPerRead: 3));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private static async Task<List<InfluxAuthorization>> ReadAsync(string json, int bytesPerRead) =>
        (await AuthorizationListReader.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), bytesPerRead), CancellationToken.None))!;

    private static List<string> Describe(List<InfluxAuthorization> authorizations) =>
        authorizations.Select(authorization => string.Join('|',
            authorization.Id, authorization.Token, authorization.Status, authorization.Description, authorization.OrgId, authorization.Org,
            authorization.UserId, authorization.User, authorization.CreatedAt, authorization.UpdatedAt,
            string.Join(';', authorization.Permissions.Select(permission => string.Join(',',
                permission.Action, permission.Resource.Type, permission.Resource.Id, permission.Resource.OrgId, permission.Resource.Name, permission.Resource.Org)))))
        .ToList();

    /// <summary>Hands out at most a few bytes per read, so elements and tokens are split at every possible place.</summary>
    private sealed class TrickleStream(byte[] data, int bytesPerRead) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }
}
