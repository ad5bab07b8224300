using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TokenGovernance.Analyzers.ConstantTokenAtSinkAnalyzer,
    TokenGovernance.Analyzers.CodeFixes.ReadTokenFromEnvironmentCodeFixProvider>;
using VerifyHardCoded = TokenGovernance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TokenGovernance.Analyzers.HardCodedTokenAnalyzer,
    TokenGovernance.Analyzers.CodeFixes.ReadTokenFromEnvironmentCodeFixProvider>;
using VerifyNamed = TokenGovernance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TokenGovernance.Analyzers.TokenNamedLiteralAnalyzer,
    TokenGovernance.Analyzers.CodeFixes.ReadTokenFromEnvironmentCodeFixProvider>;

namespace TokenGovernance.Analyzers.Tests.CodeFixes;

public class ReadTokenFromEnvironmentCodeFixTests
{
    [Fact]
    public Task Argument_is_replaced_by_the_environment_variable() => Verify.VerifyCodeFixAsync("""
        using System;
        using InfluxDB.Client;
        class C { InfluxDBClient M() => new InfluxDBClient("http://localhost:8086", {|TG1002:"my-super-secret-admin-token"|}); }
        """, """
        using System;
        using InfluxDB.Client;
        class C { InfluxDBClient M() => new InfluxDBClient("http://localhost:8086", Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token.")); }
        """);

    [Fact]
    public Task Const_field_becomes_static_readonly() => Verify.VerifyNonLocalCodeFixAsync("""
        using InfluxDB.Client;
        class C
        {
            private const string Token = {|TG1002:"const-token"|};
            InfluxDBClient M() => new InfluxDBClient("http://localhost:8086", Token);
        }
        """, """
        using InfluxDB.Client;
        class C
        {
            private static readonly string Token = System.Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new System.InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token.");
            InfluxDBClient M() => new InfluxDBClient("http://localhost:8086", Token);
        }
        """);

    [Fact]
    public Task ToCharArray_receiver_is_parenthesised() => Verify.VerifyCodeFixAsync("""
        using System;
        using InfluxDB.Client;
        class C { InfluxDBClient M() => InfluxDBClientFactory.Create("http://a", {|TG1002:"chars-token"|}.ToCharArray()); }
        """, """
        using System;
        using InfluxDB.Client;
        class C { InfluxDBClient M() => InfluxDBClientFactory.Create("http://a", (Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token.")).ToCharArray()); }
        """);

    [Fact]
    public Task Header_scheme_is_kept() => Verify.VerifyCodeFixAsync("""
        using System;
        class C { void M(System.Net.Http.HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", {|TG1002:"Token header-token"|}); }
        """, """
        using System;
        class C { void M(System.Net.Http.HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", "Token " + (Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token."))); }
        """);

    [Fact]
    public Task Fix_all_replaces_every_token_shaped_literal() => VerifyHardCoded.VerifyCodeFixAsync($$"""
        using System;
        class C
        {
            string a = {|TG1001:"{{TestTokens.V2}}"|};
            string b = {|TG1001:"{{TestTokens.V2Other}}"|};
        }
        """, """
        using System;
        class C
        {
            string a = Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token.");
            string b = Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token.");
        }
        """);

    [Fact]
    public Task Const_local_becomes_a_variable() => VerifyNamed.VerifyCodeFixAsync("""
        using System;
        class C
        {
            string M()
            {
                const string influxToken = {|TG1004:"local-const-token"|};
                return influxToken;
            }
        }
        """, """
        using System;
        class C
        {
            string M()
            {
                string influxToken = Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? throw new InvalidOperationException("Set the INFLUX_TOKEN environment variable to the InfluxDB token.");
                return influxToken;
            }
        }
        """);

    [Fact]
    public Task Parameter_default_gets_no_fix() => VerifyNamed.VerifyNoCodeFixAsync("""
        class C { void Connect(string influxToken = {|TG1004:"default-token"|}) { } }
        """);
}
