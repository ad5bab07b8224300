using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.ConstantTokenAtSinkAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

public class ConstantTokenAtSinkAnalyzerTests
{
    [Fact]
    public Task Setup_token_passed_to_the_v2_client_is_flagged() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C { InfluxDBClient M() => new InfluxDBClient("http://localhost:8086", {|TG1002:"my-super-secret-admin-token"|}); }
        """);

    [Fact]
    public Task Factory_overloads_including_char_array_are_flagged() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C
        {
            void M()
            {
                InfluxDBClientFactory.Create("http://localhost:8086", {|TG1002:"string-overload-token"|});
                InfluxDBClientFactory.Create("http://localhost:8086", {|TG1002:"char-overload-token"|}.ToCharArray());
            }
        }
        """);

    [Fact]
    public Task Options_token_property_and_builder_are_flagged() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C
        {
            void M()
            {
                var options = new InfluxDBClientOptions("http://localhost:8086") { Token = {|TG1002:"initializer-token"|} };
                options.Token = {|TG1002:"assigned-token"|};
                var built = new InfluxDBClientOptions.Builder().Url("http://localhost:8086").AuthenticateToken({|TG1002:"builder-token"|}).Build();
                var chars = new InfluxDBClientOptions.Builder().AuthenticateToken({|TG1002:"builder-chars"|}.ToCharArray());
            }
        }
        """);

    [Fact]
    public Task V3_client_and_client_config_are_flagged() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB3.Client;
        using InfluxDB3.Client.Config;
        class C
        {
            void M()
            {
                using var client = new InfluxDBClient("http://localhost:8181", token: {|TG1002:"v3-admin-token"|}, database: "db");
                var config = new ClientConfig { Host = "http://localhost:8181", Token = {|TG1002:"config-token"|} };
            }
        }
        """);

    [Fact]
    public Task Connection_string_with_token_is_flagged_and_without_is_not() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M()
            {
                var v2 = InfluxDB.Client.InfluxDBClientFactory.Create({|TG1002:"http://localhost:8086?org=acme&token=conn-token"|});
                var v3 = new InfluxDB3.Client.InfluxDBClient({|TG1002:"http://localhost:8181?token=v3-conn-token&database=db"|});
                var noToken = new InfluxDB3.Client.InfluxDBClient("http://localhost:8181?database=db");
                var placeholder = InfluxDB.Client.InfluxDBClientFactory.Create("http://localhost:8086?token=${INFLUX_TOKEN}");
            }
        }
        """);

    [Fact]
    public Task Authorization_headers_are_flagged() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient http, string fromVault)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", {|TG1002:"header-value-token"|});
                http.DefaultRequestHeaders.Add("Authorization", {|TG1002:"Token add-token"|});
                http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|TG1002:"Bearer bearer-token"|});
                http.DefaultRequestHeaders.Add("Authorization", "Token " + {|TG1002:"concatenated-token"|});
                http.DefaultRequestHeaders.Add("Authorization", $"Token {fromVault}");
                http.DefaultRequestHeaders.Add("Authorization", "Basic dXNlcjpwYXNz");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
                http.DefaultRequestHeaders.Add("X-Trace", "Token not-an-auth-header");
            }
        }
        """);

    [Fact]
    public Task Constants_are_followed_through_locals_const_and_static_readonly_fields() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        static class Secrets
        {
            public const string Admin = {|TG1002:"const-field-token"|};
            public static readonly string Writer = {|TG1002:"static-readonly-token"|};
        }
        class C
        {
            void M()
            {
                var local = {|TG1002:"local-token"|};
                new InfluxDBClient("http://a", local);
                new InfluxDBClient("http://b", Secrets.Admin);
                new InfluxDBClient("http://c", Secrets.Admin);
                new InfluxDBClient("http://d", Secrets.Writer);
            }
        }
        """);

    [Fact]
    public Task Values_from_environment_configuration_and_placeholders_are_not_flagged() => Verify.VerifyAnalyzerAsync("""
        using System;
        using InfluxDB.Client;
        class C
        {
            void M(System.Collections.Generic.IDictionary<string, string> configuration)
            {
                new InfluxDBClient("http://a", Environment.GetEnvironmentVariable("INFLUX_TOKEN")!);
                new InfluxDBClient("http://b", configuration["InfluxDB:Token"]);
                new InfluxDBClient("http://c", "<your-token>");
                new InfluxDBClient("http://d", "${INFLUX_TOKEN}");
                new InfluxDBClient("http://e", "");
                new InfluxDBClient("http://f", "INFLUX_TOKEN");
                new InfluxDBClient("http://g", "InfluxDB:Token");
                new InfluxDBClient("http://h", "user", "password");
            }
        }
        """);

    [Fact]
    public Task Token_shaped_constants_are_left_to_TG1001() => Verify.VerifyAnalyzerAsync($$"""
        class C { object M() => new InfluxDB.Client.InfluxDBClient("http://a", "{{TestTokens.V2}}"); }
        """);

    [Fact]
    public Task Look_alike_client_types_are_not_sinks() => Verify.VerifyWithoutInfluxAsync("""
        class InfluxDBClient { public InfluxDBClient(string url, string token) { } }
        class C { object M() => new InfluxDBClient("http://a", "look-alike-type-token"); }
        """);
}
