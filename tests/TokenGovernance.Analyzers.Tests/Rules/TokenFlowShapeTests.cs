using Microsoft.CodeAnalysis.Testing;
using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.ConstantTokenAtSinkAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>
/// TG1002 follows a value to the token position through the shapes real code uses: fields of any kind,
/// auto-property initializers, constructor assignments, parameter defaults and the branches of <c>??</c> and
/// <c>?:</c>, and it still finds the client in code that does not compile yet (the IDE analyzes it all day).
/// </summary>
public class TokenFlowShapeTests
{
    [Fact]
    public Task A_mutable_field_an_auto_property_and_a_constructor_assignment_are_followed() => Verify.VerifyAnalyzerAsync("""
        using InfluxDB.Client;
        class C
        {
            private string _field = {|TG1002:"mutable-field-token"|};
            public string Property { get; set; } = {|TG1002:"auto-property-token"|};
            private readonly string _assigned;

            C() { _assigned = {|TG1002:"constructor-token"|}; }

            void M()
            {
                using var a = new InfluxDBClient("http://localhost:8086", _field);
                using var b = new InfluxDBClient("http://localhost:8086", Property);
                using var c = new InfluxDBClient("http://localhost:8086", _assigned);
            }
        }
        """);

    [Fact]
    public Task A_parameter_default_and_both_branches_of_coalesce_and_conditional_are_followed() => Verify.VerifyAnalyzerAsync("""
        using System;
        using InfluxDB.Client;
        class C
        {
            InfluxDBClient Default(string token = {|TG1002:"default-parameter-token"|}) => new InfluxDBClient("http://localhost:8086", token);

            InfluxDBClient Fallback() =>
                new InfluxDBClient("http://localhost:8086", Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? {|TG1002:"fallback-token"|});

            InfluxDBClient Either(bool production) =>
                new InfluxDBClient("http://localhost:8086", production ? Environment.GetEnvironmentVariable("INFLUX_TOKEN")! : {|TG1002:"dev-only-token"|});
        }
        """);

    [Fact]
    public async Task A_client_in_code_that_does_not_compile_is_still_found_through_its_candidate_overloads()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class C
                {
                    void M()
                    {
                        // database: is being typed (an int where a string goes): no overload binds.
                        using var client = new InfluxDB3.Client.InfluxDBClient("http://localhost:8181", token: {|TG1002:"typed-while-broken"|}, database: 42);
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task Variables_only_and_configuration_values_are_not_constants() => Verify.VerifyAnalyzerAsync("""
        using System;
        using InfluxDB.Client;
        class C
        {
            private string _fromConfig = Environment.GetEnvironmentVariable("INFLUX_TOKEN")!;

            InfluxDBClient M(string prefix, string suffix) => new InfluxDBClient("http://localhost:8086", $"{prefix}{suffix}");

            InfluxDBClient N() => new InfluxDBClient("http://localhost:8086", _fromConfig);

            // The v1 compatibility token "user:password", made only of variables and glue.
            InfluxDBClient V1(string user, string password) => new InfluxDBClient("http://localhost:8086", $"{user}:{password}");
        }
        """);
}
