using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers.Tests.TokenDetection;

public class ConfigTokenScannerTests
{
    private readonly ConfigTokenScanner _scanner = new();

    [Theory]
    [InlineData("INFLUX_TOKEN=my-super-secret-admin-token", "my-super-secret-admin-token")]
    [InlineData("export INFLUX_TOKEN='s3cr3t-value'", "s3cr3t-value")]
    [InlineData("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN=my-admin-token", "my-admin-token")]
    [InlineData("  token = \"telegraf-write-token\"", "telegraf-write-token")]
    [InlineData("    \"Token\": \"json-token-value\",", "json-token-value")]
    [InlineData("\"InfluxDB:Token\": \"flat-json-token\"", "flat-json-token")]
    [InlineData("  token: yaml-token-value", "yaml-token-value")]
    [InlineData("  influxToken: \"quoted-yaml\"", "quoted-yaml")]
    [InlineData("<add key=\"InfluxToken\" value=\"xml-token-value\" />", "xml-token-value")]
    [InlineData("<influx url=\"http://x\" token=\"attr-token-value\" />", "attr-token-value")]
    [InlineData("Url=http://localhost:8086?token=conn-token-value&org=acme", "conn-token-value")]
    public void Values_of_token_keys_are_found(string line, string expected)
    {
        var finding = Assert.Single(_scanner.ScanLine(line, 7));
        Assert.Equal(expected, finding.Value);
        Assert.Equal(ConfigTokenEvidence.Key, finding.Evidence);
        Assert.Equal(7, finding.Line);
        Assert.Equal(line.IndexOf(expected, StringComparison.Ordinal) + 1, finding.Column);
    }

    [Fact]
    public void A_byte_order_mark_before_the_first_line_does_not_hide_its_key()
    {
        var text = "\uFEFFINFLUX_TOKEN=my-super-secret-admin-token\nother=1\n";

        var finding = Assert.Single(_scanner.Scan(text));
        var fromLines = Assert.Single(_scanner.ScanLines(text.Split('\n')));

        Assert.Equal(("my-super-secret-admin-token", 1, 14), (finding.Value, finding.Line, finding.Column));
        Assert.Equal((finding.Value, finding.Column), (fromLines.Value, fromLines.Column));
        Assert.Equal(finding.Value, Assert.Single(_scanner.Scan(text.ToCharArray(), text.Length)).Value);
    }

    [Theory]
    [InlineData("INFLUX_TOKEN=")]
    [InlineData("INFLUX_TOKEN=${INFLUX_TOKEN}")]
    [InlineData("token = \"$INFLUX_TOKEN\"")]
    [InlineData("token = \"${INFLUX_TOKEN}\"")]
    [InlineData("\"Token\": \"<your-token>\"")]
    [InlineData("\"Token\": \"\"")]
    [InlineData("token: {{ .Values.token }}")]
    [InlineData("token: \"{{ .Values.token }}\"")]
    [InlineData("INFLUX_TOKEN=$(cat /run/secrets/token)")]
    [InlineData("\"TokenFile\": \"/run/secrets/influx-token\"")]
    [InlineData("\"CancellationToken\": \"abc\"")]
    [InlineData("\"SlackToken\": \"xoxb-123\"")]
    [InlineData("url = \"http://localhost:8086\"")]
    [InlineData("  tokenEnv: INFLUX_TOKEN")]
    public void Placeholders_references_and_other_keys_are_not_found(string line)
    {
        Assert.Empty(_scanner.ScanLine(line, 1));
    }

    [Fact]
    public void Token_shape_is_found_under_any_key_once()
    {
        var finding = Assert.Single(_scanner.ScanLine("  \"Whatever\": \"" + TestTokens.V2 + "\"", 3));
        Assert.Equal(ConfigTokenEvidence.Shape, finding.Evidence);
        Assert.Equal(TokenShape.InfluxV2, finding.Shape);
        Assert.Equal(TestTokens.V2, finding.Value);
    }

    [Fact]
    public void Multi_line_text_reports_one_based_lines()
    {
        var text = "[[outputs.influxdb_v2]]\r\n  urls = [\"http://influx:8086\"]\r\n  token = \"" + TestTokens.V2 + "\"\r\n";
        var finding = Assert.Single(_scanner.Scan(text));
        Assert.Equal(3, finding.Line);
        Assert.Equal(12, finding.Column);
    }

    [Fact]
    public void Commented_out_token_is_still_found() =>
        Assert.Single(_scanner.ScanLine("# token = \"old-token-value\"", 1));

    [Fact]
    public void Extra_names_and_placeholders_are_honoured()
    {
        var scanner = new ConfigTokenScanner(
            new[] { "ingestSecret" },
            new[] { new System.Text.RegularExpressions.Regex("^dummy-") });
        Assert.Single(scanner.ScanLine("ingestSecret=abc123", 1));
        Assert.Empty(scanner.ScanLine("INFLUX_TOKEN=dummy-value", 1));
    }

    [Fact]
    public void Finding_text_never_shows_the_value()
    {
        var finding = Assert.Single(_scanner.ScanLine("token = \"" + TestTokens.V2 + "\"", 1));
        Assert.DoesNotContain(TestTokens.V2, finding.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.V2.Substring(4, 20), finding.ToString(), StringComparison.Ordinal);
    }
}
