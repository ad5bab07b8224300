using System.Text.RegularExpressions;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers.Tests.TokenDetection;

/// <summary>
/// The connection-string scan finds what the regular expression it replaced found (kept here as the reference), on the
/// shapes users write and on the near misses, and on a line of megabytes finds the one parameter without any timeout.
/// </summary>
public class ConnectionStringTokenTests
{
    private static readonly Regex Reference = new(
        @"(?:^|[?&;\s])(?:token|authToken)\s*=\s*(?<value>[^;&\s""']+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("http://localhost:8086?org=acme&token=abc123&bucket=b")]
    [InlineData("http://localhost:8086?authToken=abc123")]
    [InlineData("http://localhost:8086?AUTHTOKEN = abc123 ")]
    [InlineData("Url=http://influx:8086;Token=secret-value;Org=acme")]
    [InlineData("token=first&token=second")]
    [InlineData("token=")]
    [InlineData("token=;token=later")]
    [InlineData("mytoken=abc")]
    [InlineData("xauthtoken=abc")]
    [InlineData("auth token=abc")]
    [InlineData("?token\t=\tabc'def")]
    [InlineData("tokens=abc token=def")]
    [InlineData("a\u00a0token=nbsp-before")]
    [InlineData("token")]
    [InlineData("no parameter here")]
    [InlineData("")]
    public void Finds_what_the_regular_expression_found(string text)
    {
        var match = Reference.Match(text);
        var expected = match.Success ? (match.Groups["value"].Index, match.Groups["value"].Length) : ((int, int)?)null;

        Assert.Equal(expected, ConnectionStringToken.Find(text));
    }

    [Fact]
    public void A_line_of_megabytes_with_token_words_everywhere_is_scanned_whole()
    {
        var filler = string.Concat(Enumerable.Repeat("\"InfluxTokenName\":\"x\",", 400_000));
        var text = filler + "?token=found-it";

        var found = ConnectionStringToken.Find(text);

        Assert.Equal((text.Length - "found-it".Length, "found-it".Length), found);
    }
}
