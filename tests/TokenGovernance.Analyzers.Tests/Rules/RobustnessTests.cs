using System.Text;
using TokenGovernance.Analyzers.Tests.Verifiers;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>No analyzer exception (AD0001) on any input; the test framework fails on an unexpected AD0001.</summary>
public class RobustnessTests
{

    [Theory]
    [InlineData("class C { string name = \"unterminated")]
    [InlineData("class C { void M() { new InfluxDB.Client.InfluxDBClient(\"http://a\", ); } }")]
    [InlineData("class C { void M() { var x = new (; token = ; } }")]
    [InlineData("class { [Obsolete(\"x\" + ] string Token => ")]
    [InlineData("using System.Net.Http; class C { void M(HttpClient h) { h.DefaultRequestHeaders.Add(\"Authorization\", ); } }")]
    [InlineData("class C { const string A = B; const string B = A; void M() => new InfluxDB.Client.InfluxDBClient(\"u\", A); }")]
    public async Task Malformed_code_produces_no_analyzer_exception(string source)
    {
        var test = new AllRulesTest(ignoreCompilerErrors: true) { TestCode = source };
        await test.RunAsync();
    }

    [Fact]
    public async Task Megabyte_literal_is_analyzed()
    {
        var huge = new string('a', 1024 * 1024);
        var test = new AllRulesTest(ignoreCompilerErrors: true)
        {
            TestCode = "class C { string influxToken = {|TG1004:\"" + huge + "\"|}; string other = {|TG1001:\"" + huge + " " + TestTokens.V2 + "\"|}; }",
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Deeply_nested_expressions_are_analyzed()
    {
        var builder = new StringBuilder("class C { string token = ");
        for (var i = 0; i < 400; i++)
        {
            builder.Append("(\"p").Append(i).Append("\" + ");
        }

        builder.Append("\"end\"").Append(')', 400).Append("; }");
        var test = new AllRulesTest(ignoreCompilerErrors: true) { TestCode = builder.ToString() };
        await test.RunAsync();
    }

    [Fact]
    public async Task Malformed_configuration_files_produce_no_analyzer_exception()
    {
        var test = new AllRulesTest(ignoreCompilerErrors: true) { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/appsettings.json", "{ \"Token\": \"unterminated\n\0\u0001 \"\"\"\" :::: "));
        test.TestState.AdditionalFiles.Add(("/x.yaml", new string('{', 100_000)));
        test.TestState.AdditionalFiles.Add(("/big.conf", string.Concat(Enumerable.Repeat("token = \"abc\" # x\n", 20_000)).Replace("abc", "")));
        await test.RunAsync();
    }
}
