using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers.Tests.TokenDetection;

public class TokenNamesTests
{
    [Theory]
    [InlineData("token")]
    [InlineData("Token")]
    [InlineData("influxToken")]
    [InlineData("InfluxDbToken")]
    [InlineData("INFLUX_TOKEN")]
    [InlineData("apiToken")]
    [InlineData("_adminToken")]
    [InlineData("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN")]
    public void Names_of_influx_tokens(string name) => Assert.True(TokenNames.IsTokenName(name));

    [Theory]
    [InlineData("CancellationToken")]
    [InlineData("cancellationToken")]
    [InlineData("csrfToken")]
    [InlineData("XsrfToken")]
    [InlineData("Tokenizer")]
    [InlineData("TokenType")]
    [InlineData("slackToken")]
    [InlineData("PagerDutyToken")]
    [InlineData("webhookToken")]
    [InlineData("refreshToken")]
    [InlineData("nextPageToken")]
    [InlineData("")]
    public void Names_of_other_things(string name) => Assert.False(TokenNames.IsTokenName(name));

    [Theory]
    [InlineData("InfluxDB:Token", true)]
    [InlineData("TokenGovernance__Targets__0__Token", true)]
    [InlineData("influx.token", true)]
    [InlineData("Slack:Token", true)]
    [InlineData("InfluxDB:Url", false)]
    [InlineData("Slack:WebhookToken", false)]
    public void Configuration_keys(string key, bool expected) => Assert.Equal(expected, TokenNames.IsTokenKey(key));
}
