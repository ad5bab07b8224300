using Microsoft.CodeAnalysis.Testing;
using TokenGovernance.Analyzers.Tests.Verifiers;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>
/// TG1003 on the configuration shapes real repositories commit: compose lists, command lines, Kubernetes env entries,
/// credential keys under an InfluxDB section, and files recognised by their content rather than their name.
/// </summary>
public class ConfigShapeTests
{
    private static Task VerifyFilesAsync(IEnumerable<(string Path, string Content)> files, params DiagnosticResult[] expected) =>
        AdditionalFileVerifier<ConfigFileTokenAnalyzer>.VerifyFilesAsync(files, expected);

    private static Task VerifyFileAsync(string path, string content, params DiagnosticResult[] expected) =>
        AdditionalFileVerifier<ConfigFileTokenAnalyzer>.VerifyFileAsync(path, content, expected);

    private static DiagnosticResult At(string path, int line, int column, int length) =>
        AdditionalFileVerifier<ConfigFileTokenAnalyzer>.At(RuleIds.TokenInConfigurationFile, path, line, column, length);

    [Fact]
    public Task Compose_environment_lists_and_command_lines_are_read() => VerifyFileAsync(
        "/deploy/docker-compose.yml",
        """
        services:
          telegraf:
            environment:
              - INFLUX_TOKEN=compose-list-token
              - INFLUX_URL=http://influxdb:8086
            command: telegraf --config /etc/telegraf.conf
          writer:
            command: influx write --bucket b --token cli-flag-token --file data.lp
            entrypoint: ["influx", "query", "--token", "json-array-token"]
        """,
        At("/deploy/docker-compose.yml", 4, 22, "compose-list-token".Length),
        At("/deploy/docker-compose.yml", 8, 46, "cli-flag-token".Length),
        At("/deploy/docker-compose.yml", 9, 49, "json-array-token".Length));

    [Fact]
    public Task Kubernetes_env_entries_pair_the_name_with_the_next_value() => VerifyFileAsync(
        "/deploy/deployment.yaml",
        """
        spec:
          containers:
            - name: app
              env:
                - name: InfluxDB__Token
                  value: k8s-env-token
                - name: InfluxDB__Url
                  value: http://influx:8086
                - name: INFLUX_TOKEN
                  valueFrom:
                    secretKeyRef: {name: influx, key: token}
        """,
        At("/deploy/deployment.yaml", 6, 18, "k8s-env-token".Length));

    [Fact]
    public Task Credential_keys_under_an_influx_section_hold_tokens() => VerifyFileAsync(
        "/src/appsettings.json",
        """
        {
          "InfluxDb": {
            "Url": "http://influx:8086",
            "ApiKey": "section-api-key-1",
            "Bucket": "telemetry"
          },
          "Stripe": {
            "ApiKey": "not-an-influx-key"
          },
          "Influx:AuthKey": "flat-auth-key-1"
        }
        """,
        At("/src/appsettings.json", 4, 16, "section-api-key-1".Length),
        At("/src/appsettings.json", 10, 22, "flat-auth-key-1".Length));

    [Fact]
    public Task Single_brace_placeholders_and_prose_are_not_tokens() => VerifyFileAsync(
        "/src/appsettings.json",
        """
        {
          "InfluxDB": {
            "Token": "{generate_a_token}",
            "AdminToken": "{your_token}",
            "WriteToken": "Export as an environment variable",
            "ReadToken": "real-read-token"
          }
        }
        """,
        At("/src/appsettings.json", 6, 19, "real-read-token".Length));

    [Fact]
    public Task A_file_of_KEY_value_lines_is_an_env_file_whatever_its_name() => VerifyFilesAsync(
        [
            ("/deploy/docker-env-vars", "# influx\nINFLUX_URL=http://influx:8086\nINFLUX_TOKEN=content-env-token\n"),
            ("/deploy/influx.env.local", "INFLUX_TOKEN=local-env-token\n"),
            ("/docs/notes.txt", "The INFLUX_TOKEN=prose-token line in a story, with words around it.\nAnother line of prose.\n"),
        ],
        At("/deploy/docker-env-vars", 3, 14, "content-env-token".Length),
        At("/deploy/influx.env.local", 1, 14, "local-env-token".Length));

    [Fact]
    public Task Launch_settings_and_custom_json_config_files_are_read() => VerifyFilesAsync(
        [
            ("/src/Properties/launchSettings.json", """
                {
                  "profiles": {
                    "App": {
                      "environmentVariables": {
                        "INFLUX_TOKEN": "launch-settings-token"
                      }
                    }
                  }
                }
                """),
            ("/src/influx-settings.json", """{ "InfluxDB": { "Token": "custom-json-token" } }"""),
        ],
        At("/src/Properties/launchSettings.json", 5, 26, "launch-settings-token".Length),
        At("/src/influx-settings.json", 1, 27, "custom-json-token".Length));

    [Fact]
    public Task Any_other_additional_file_is_scanned_for_token_shapes_only() => VerifyFileAsync(
        "/docs/README.md",
        $"Run it with the token {TestTokens.V2} and never token: markdown-key-value.\n",
        At("/docs/README.md", 1, 23, TestTokens.V2.Length));

    [Fact]
    public Task A_compose_env_file_entry_makes_the_named_file_an_env_file() => VerifyFilesAsync(
        [
            ("/deploy/docker-compose.yml", "services:\n  telegraf:\n    image: telegraf\n    env_file:\n      - ./telegraf-settings\n  app:\n    env_file: ../secrets/app-vars\n"),
            // Neither name nor content says env file: a comment line and a "key: value" line the sniffing would not take.
            ("/deploy/telegraf-settings", "this file is sourced by compose\nINFLUX_TOKEN=env-file-named-token\n"),
            ("/secrets/app-vars", "note: compose reads it\nINFLUX_TOKEN=second-named-token\n"),
            ("/deploy/unrelated-notes", "this file is not named by compose\nINFLUX_TOKEN=not-an-env-file\n"),
        ],
        At("/deploy/telegraf-settings", 2, 14, "env-file-named-token".Length),
        At("/secrets/app-vars", 2, 14, "second-named-token".Length));
}
