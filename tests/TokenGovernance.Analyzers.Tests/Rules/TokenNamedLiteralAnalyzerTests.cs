using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.TokenNamedLiteralAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

public class TokenNamedLiteralAnalyzerTests
{
    [Fact]
    public Task Fields_properties_and_locals_named_token_are_flagged() => Verify.VerifyAnalyzerAsync("""
        class Settings
        {
            private const string InfluxToken = {|TG1004:"const-token"|};
            private static readonly string apiToken = {|TG1004:"readonly-token"|};
            public string Token { get; set; } = {|TG1004:"property-token"|};
            public string AdminToken => {|TG1004:"arrow-token"|};

            void M()
            {
                var token = {|TG1004:"local-token"|};
                string INFLUX_TOKEN;
                INFLUX_TOKEN = {|TG1004:"assigned-token"|};
                this.Token = {|TG1004:"member-token"|};
            }
        }
        """);

    [Fact]
    public Task Parameter_defaults_named_arguments_and_anonymous_members_are_flagged() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void Connect(string url, string token = {|TG1004:"default-token"|}) { }
            void M()
            {
                Connect("http://a", token: {|TG1004:"named-token"|});
                var payload = new { Token = {|TG1004:"anonymous-token"|} };
            }
        }
        """);

    [Fact]
    public Task Dictionary_and_in_memory_configuration_keys_are_flagged() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(Dictionary<string, string?> settings)
            {
                var indexed = new Dictionary<string, string?> { ["InfluxDB:Token"] = {|TG1004:"indexed-token"|} };
                var collection = new Dictionary<string, string?> { { "InfluxDB:Token", {|TG1004:"collection-token"|} } };
                var pair = new KeyValuePair<string, string?>("Influx:AdminToken", {|TG1004:"pair-token"|});
                settings["INFLUX_TOKEN"] = {|TG1004:"element-token"|};
                settings["InfluxDB:Url"] = "http://localhost:8086";
            }
        }
        """);

    [Fact]
    public Task Other_kinds_of_token_are_not_flagged() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string csrfToken = "abc";
            string XsrfToken = "abc";
            string slackToken = "xoxb-1";
            string PagerDutyToken = "pd";
            string webhookToken = "wh";
            string tokenizer = "x";
            string TokenType = "Bearer";
            string nextPageToken = "p2";
            void M(System.Threading.CancellationToken cancellationToken) { }
        }
        """);

    [Fact]
    public Task Placeholders_names_and_ids_are_not_flagged() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string token1 = "";
            string Token = "<token>";
            string apiToken = "${INFLUX_TOKEN}";
            string adminToken = "%INFLUX_TOKEN%";
            string writeToken = "{{ influx_token }}";
            string readToken = "$INFLUX_TOKEN";
            string token = "INFLUX_TOKEN";
            string influxToken = "InfluxDB:Token";
            string authToken = "0a1b2c3d4e5f6071";
        }
        """);

    [Fact]
    public Task Without_an_influx_client_only_names_that_say_influx_are_flagged() => Verify.VerifyWithoutInfluxAsync("""
        class C
        {
            string token = "generic-token";
            string influxToken = {|TG1004:"influx-named-token"|};
        }
        """);

    [Fact]
    public Task Literal_that_reaches_a_client_is_left_to_TG1002() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C
        {
            private const string Token = "sink-token";
            InfluxDBClient M()
            {
                var influxToken = "local-sink-token";
                new InfluxDBClient("http://a", influxToken);
                return new InfluxDBClient("http://localhost:8086", token: "named-sink-token");
            }
            InfluxDBClient N() => new InfluxDBClient("http://b", Token);
        }
        """);

    [Fact]
    public async Task Extra_token_names_from_editorconfig_are_flagged()
    {
        var test = new Verify.Test
        {
            TestCode = """class C { string ingestSecret = {|TG1004:"extra-name-secret"|}; string other = "x"; }""",
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ntokengovernance.token_names = ingestSecret, anotherName\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Extra_placeholder_patterns_from_editorconfig_are_honoured()
    {
        var test = new Verify.Test
        {
            TestCode = """class C { string token = "dummy-123"; string apiToken = {|TG1004:"real-123"|}; }""",
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ntokengovernance.placeholder_patterns = ^dummy-;[invalid(regex\n"));
        await test.RunAsync();
    }
}
