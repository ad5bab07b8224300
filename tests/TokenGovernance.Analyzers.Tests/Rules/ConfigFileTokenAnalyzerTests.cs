using Microsoft.CodeAnalysis.Testing;
using TokenGovernance.Analyzers.Tests.Verifiers;
using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.ConfigFileTokenAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

public class ConfigFileTokenAnalyzerTests
{
    private static Task VerifyFileAsync(string path, string content, params DiagnosticResult[] expected) =>
        AdditionalFileVerifier<ConfigFileTokenAnalyzer>.VerifyFileAsync(path, content, expected);

    private static DiagnosticResult At(string path, int line, int column, int length) =>
        AdditionalFileVerifier<ConfigFileTokenAnalyzer>.At(RuleIds.TokenInConfigurationFile, path, line, column, length);

    [Fact]
    public Task Appsettings_with_comments_reports_file_line_and_column() => VerifyFileAsync(
        "/src/appsettings.Production.json",
        """
        {
          // connection to the metrics store
          "InfluxDB": {
            "Url": "http://influx:8086",
            "Token": "prod-write-token"
          }
        }
        """,
        At("/src/appsettings.Production.json", 5, 15, "prod-write-token".Length));

    [Fact]
    public Task Token_shape_under_any_key_is_reported() => VerifyFileAsync(
        "/src/appsettings.json",
        $$"""{ "Telemetry": { "Secret": "{{TestTokens.V2}}" } }""",
        At("/src/appsettings.json", 1, 29, 88));

    [Fact]
    public Task Dot_env_file_is_read() => VerifyFileAsync(
        "/src/.env",
        "INFLUX_URL=http://localhost:8086\nINFLUX_TOKEN=env-file-token\nDOCKER_INFLUXDB_INIT_ADMIN_TOKEN=${ADMIN}\n",
        At("/src/.env", 2, 14, "env-file-token".Length));

    [Fact]
    public Task Telegraf_conf_is_read() => VerifyFileAsync(
        "/src/telegraf/telegraf.conf",
        "[[outputs.influxdb_v2]]\n  urls = [\"http://influx:8086\"]\n  token = \"telegraf-token\"\n  organization = \"acme\"\n",
        At("/src/telegraf/telegraf.conf", 3, 12, "telegraf-token".Length));

    [Fact]
    public Task Yaml_is_read() => VerifyFileAsync(
        "/deploy/values.yaml",
        "influx:\n  url: http://influx:8086\n  token: yaml-token\n  tokenFile: /run/secrets/token\n",
        At("/deploy/values.yaml", 3, 10, "yaml-token".Length));

    [Fact]
    public Task App_config_is_read() => VerifyFileAsync(
        "/src/App.config",
        """
        <configuration>
          <appSettings>
            <add key="InfluxToken" value="xml-token" />
          </appSettings>
        </configuration>
        """,
        At("/src/App.config", 3, 35, "xml-token".Length));

    [Fact]
    public Task Placeholders_are_not_reported() => VerifyFileAsync(
        "/src/appsettings.json",
        """{ "InfluxDB": { "Token": "<set-in-vault>", "AdminToken": "${ADMIN_TOKEN}", "WriteToken": "" } }""");

    [Fact]
    public Task Text_files_outside_the_patterns_are_read_for_token_shapes_only() => VerifyFileAsync(
        "/docs/notes.txt",
        "See INFLUX_TOKEN=notes-token and " + TestTokens.V2,
        At("/docs/notes.txt", 1, 34, TestTokens.V2.Length));

    [Fact]
    public async Task Config_file_patterns_option_replaces_the_defaults()
    {
        var test = new Verify.Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/src/secrets.ini", "INFLUX_TOKEN=ini-token"));
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", """{ "Token": "not-read-now" }"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ntokengovernance.config_file_patterns = *.ini\n"));
        test.ExpectedDiagnostics.Add(At("/src/secrets.ini", 1, 14, "ini-token".Length));
        await test.RunAsync();
    }
}
