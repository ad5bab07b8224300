using Microsoft.CodeAnalysis;
using TokenGovernance.Analyzers.Tests.Verifiers;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>All four code rules together over modern C#: one diagnostic per literal, the most specific one.</summary>
public class LanguageFeatureTests
{

    [Fact]
    public async Task Top_level_statements_records_primary_constructors_and_collection_expressions()
    {
        var test = new AllRulesTest
        {
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            TestCode = $$"""
                #nullable enable
                using InfluxDB.Client;

                var client = new InfluxDBClient("http://localhost:8086", {|TG1002:"top-level-token"|});
                string[] tokens = [{|TG1001:"{{TestTokens.V2}}"|}];
                var label = args.Length switch { 0 => {|TG1001:"{{TestTokens.V2Other}}"|}, _ => "other" };
                System.Console.WriteLine(new Writer("http://a").Describe() + tokens.Length + label);

                namespace App
                {
                    public record Endpoint(string Url, string Token = {|TG1004:"record-default-token"|});
                }

                public partial class Writer(string url)
                {
                    private readonly string _influxToken = {|TG1004:"primary-ctor-token"|};
                    public string Describe() => url + _influxToken.Length;
                }

                public partial class Writer
                {
                    public InfluxDBClient Open() => new(url, {|TG1002:"partial-implicit-new-token"|});
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task File_scoped_namespace_and_one_diagnostic_per_literal()
    {
        var test = new AllRulesTest
        {
            TestCode = $$"""
                namespace App;

                using InfluxDB.Client;

                public class Connect
                {
                    // Token-shaped, named token and passed to a client: TG1001 only.
                    private const string Token = {|TG1001:"{{TestTokens.V2}}"|};

                    // Named token and passed to a client: TG1002 only.
                    private const string AdminToken = {|TG1002:"admin-setup-token"|};

                    public InfluxDBClient A() => new InfluxDBClient("http://a", Token);

                    public InfluxDBClient B() => new InfluxDBClient("http://b", AdminToken);
                }
                """,
        };
        await test.RunAsync();
    }
}
