using Microsoft.CodeAnalysis.Testing;
using TokenGovernance.Analyzers.Tests.Verifiers;
using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.HardCodedPasswordAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>TG1005: InfluxDB passwords hard-coded in code (client overloads, options, builder) and in config files.</summary>
public class HardCodedPasswordAnalyzerTests
{
    [Fact]
    public Task Username_password_overloads_of_the_v2_client_are_flagged() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C
        {
            const string AdminPassword = "s3cr3t-admin-pw";

            void M()
            {
                using var client = new InfluxDBClient("http://localhost:8086", "admin", {|TG1005:"Adm1n-passw0rd"|});
                using var factory = InfluxDBClientFactory.Create("http://localhost:8086", "admin", {|TG1005:"factory-pw-1"|}.ToCharArray());
                using var fromConst = new InfluxDBClient("http://localhost:8086", "admin", AdminPassword);
                var options = new InfluxDBClientOptions.Builder().Url("http://localhost:8086").Authenticate("admin", {|TG1005:"builder-pw-1"|}.ToCharArray()).Build();
            }
        }
        """.Replace("const string AdminPassword = \"s3cr3t-admin-pw\";", "const string AdminPassword = {|TG1005:\"s3cr3t-admin-pw\"|};"));

    [Fact]
    public Task Placeholders_references_and_tokens_are_not_passwords() => Verify.VerifyAnalyzerAsync("""
        using System;
        using InfluxDB.Client;
        class C
        {
            void M(string password)
            {
                using var a = new InfluxDBClient("http://localhost:8086", "admin", password);
                using var b = new InfluxDBClient("http://localhost:8086", "admin", Environment.GetEnvironmentVariable("INFLUX_PASSWORD")!);
                using var c = new InfluxDBClient("http://localhost:8086", "admin", "<your-password>");
                using var d = new InfluxDBClient("http://localhost:8086", "admin", "changeme");
                using var e = new InfluxDBClient("http://localhost:8086", "admin", "");
                using var f = new InfluxDBClient("http://localhost:8086", "admin", "your_password");
                using var g = new InfluxDBClient("http://localhost:8086", "admin", "password");
            }
        }
        """);

    [Fact]
    public Task A_token_is_TG1002_s_business_not_TG1005_s() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C { InfluxDBClient M() => new InfluxDBClient("http://localhost:8086", "my-super-secret-admin-token"); }
        """);

    private static Task VerifyFileAsync(string path, string content, params DiagnosticResult[] expected) =>
        AdditionalFileVerifier<HardCodedPasswordAnalyzer>.VerifyFileAsync(path, content, expected);

    private static DiagnosticResult At(string path, int line, int column, int length) =>
        AdditionalFileVerifier<HardCodedPasswordAnalyzer>.At(RuleIds.HardCodedPassword, path, line, column, length);

    [Fact]
    public Task Docker_init_and_v1_admin_passwords_in_env_files_are_flagged() => VerifyFileAsync(
        "/src/.env",
        """
        DOCKER_INFLUXDB_INIT_MODE=setup
        DOCKER_INFLUXDB_INIT_USERNAME=admin
        DOCKER_INFLUXDB_INIT_PASSWORD=Sup3rS3cret!
        INFLUXDB_ADMIN_PASSWORD="v1-admin-pass"
        INFLUXDB_USER_PASSWORD=${INFLUX_USER_PASSWORD}
        POSTGRES_PASSWORD=not-influx-at-all
        """,
        At("/src/.env", 3, 31, "Sup3rS3cret!".Length),
        At("/src/.env", 4, 26, "v1-admin-pass".Length));

    [Fact]
    public Task A_password_key_inside_an_influx_section_is_flagged_in_json_and_yaml() => VerifyFileAsync(
        "/src/appsettings.json",
        """
        {
          "InfluxDB": {
            "Url": "http://influx:8086",
            "Username": "writer",
            "Password": "json-pass-123"
          },
          "Smtp": {
            "Password": "mail-pass-456"
          }
        }
        """,
        At("/src/appsettings.json", 5, 18, "json-pass-123".Length));

    [Fact]
    public Task Yaml_sections_and_compose_environment_lists_are_read() => VerifyFileAsync(
        "/deploy/docker-compose.yml",
        """
        services:
          influxdb:
            image: influxdb:2.7
            environment:
              - DOCKER_INFLUXDB_INIT_PASSWORD=compose-pass-1
          grafana:
            environment:
              GF_SECURITY_ADMIN_PASSWORD: grafana-pass
        influx:
          password: yaml-pass-789
        """,
        At("/deploy/docker-compose.yml", 5, 39, "compose-pass-1".Length),
        At("/deploy/docker-compose.yml", 10, 13, "yaml-pass-789".Length));

    [Fact]
    public Task Influx_setup_password_on_a_command_line_is_flagged() => VerifyFileAsync(
        "/scripts/setup.conf",
        """
        command: influx setup --username admin --password cli-pass-42 --org acme --bucket metrics --force
        other: mysql --password=db-pass
        """,
        At("/scripts/setup.conf", 1, 51, "cli-pass-42".Length));

    [Fact]
    public Task An_influx_object_opened_inline_and_continued_below_is_a_section() => VerifyFileAsync(
        "/src/appsettings.json",
        """
        {
          "InfluxDB": { "Url": "http://localhost:8086",
                        "Password": "inline-pass-1" },
          "Cache": { "Password": "not-influx-1" },
          "Other": { "Url": "x",
                     "Password": "not-influx-2" }
        }
        """,
        At("/src/appsettings.json", 3, 30, "inline-pass-1".Length));
}
