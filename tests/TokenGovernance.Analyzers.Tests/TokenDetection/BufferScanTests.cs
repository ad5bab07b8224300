using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers.Tests.TokenDetection;

/// <summary>
/// The reference scanner reads files into pooled buffers and skips lines that cannot hold a token: it must find exactly
/// what the string scan finds, on every shape of line (CR LF, long lines, case, non-ASCII look-alikes, extra names).
/// </summary>
public class BufferScanTests
{
    public static TheoryData<string> Texts() =>
    [
        // Every token shape without a key, at each offset from a probe of the 16-character run check, after short runs.
        .. Enumerable.Range(0, 9).Select(offset =>
            $"{new string('.', offset)}ab.cdefghijk.{TestTokens.V2}.\n{new string(':', offset)}x.{TestTokens.Dedicated}\n{new string(';', offset)}y.{TestTokens.V3}"),
        // Runs of 15 and 16 in lines long enough for a shape, around a key-less one of 17.
        new string('.', 70) + new string('a', 15) + "." + new string('b', 16) + ".\n" + new string('c', 17) + new string(',', 80),
        $"[[outputs.influxdb_v2]]\r\n  urls = [\"http://influx:8086\"]\r\n  token = \"{TestTokens.V2}\"\r\n",
        $"INFLUX_TOKEN=plain-value\nOTHER=x\n\n\n  ToKeN: \"yaml-value\"\r\r\n{TestTokens.V3}\n{TestTokens.Dedicated}",
        // The Kelvin sign upper-cases to itself: OrdinalIgnoreCase does not take "to\u212Aen" for "token".
        "to\u212Aen = \"kelvin-value\"\n\"tokén\": \"accent-value\"\nTOKEN=upper-value",
        "{\"InfluxDB\": {\"Token\": \"json-value\"}, \"filler\": \"" + new string('x', 5000) + "\", \"token\": \"late-value\"}",
        "  # setting 1: interval = \"10s\", flush_jitter = \"0s\", precision = \"\"\n" + new string('A', 15) + "=" + new string('b', 70),
        "url=http://h:8086?authToken=conn-value&org=x\napi_key=" + TestTokens.V2Other,
        "",
        "\n",
        "geheimnis: secret-by-extra-name\nschlüssel = \"umlaut-name\"",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_buffer_scan_finds_what_the_string_scan_finds(string text)
    {
        foreach (var scanner in new[] { new ConfigTokenScanner(), new ConfigTokenScanner(["geheimnis", "schlüssel"]) })
        {
            var expected = scanner.Scan(text).Select(Describe).ToList();
            var buffer = (text + "\ntoken = \"after-the-end\"").ToCharArray();

            var actual = scanner.Scan(buffer, text.Length).Select(Describe).ToList();

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Lines_without_a_key_or_a_long_run_are_skipped_but_their_neighbours_are_not()
    {
        var text = "# " + new string('x', 15) + " short runs only, no key\n" + $"  token = \"{TestTokens.V2}\"";

        var finding = Assert.Single(new ConfigTokenScanner().Scan(text.ToCharArray(), text.Length), candidate => candidate.Evidence == ConfigTokenEvidence.Shape);

        Assert.Equal(2, finding.Line);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    public void A_key_less_token_after_short_runs_is_found_whatever_its_offset(int offset)
    {
        var text = $"{new string(':', offset)}x.{TestTokens.V2}\n{new string(';', offset)}ab.cdefghijk.{TestTokens.V3}";

        var lines = new ConfigTokenScanner().Scan(text.ToCharArray(), text.Length).Select(finding => finding.Line).ToList();

        Assert.Equal([1, 2], lines);
    }

    private static string Describe(ConfigTokenFinding finding) => $"{finding.Line}:{finding.Column} {finding.Evidence} {finding.Key} {finding.Value}";
}
