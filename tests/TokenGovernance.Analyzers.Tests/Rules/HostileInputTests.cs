using System.Text;
using TokenGovernance.TokenDetection;
using ConfigVerify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.ConfigFileTokenAnalyzer>;
using LiteralVerify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<TokenGovernance.Analyzers.TokenNamedLiteralAnalyzer>;

namespace TokenGovernance.Analyzers.Tests.Rules;

/// <summary>
/// Inputs that used to end in AD0001 (a <c>RegexMatchTimeoutException</c>): a minified config file of megabytes on one
/// line, and a catastrophic <c>tokengovernance.placeholder_patterns</c> value. The framework fails on any AD0001.
/// </summary>
public class HostileInputTests
{
    [Fact]
    public async Task Minified_config_of_eight_megabytes_on_one_line_is_scanned_without_timing_out()
    {
        var line = MinifiedJson(8 * 1024 * 1024, out var column);
        var test = new ConfigVerify.Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", line));
        test.ExpectedDiagnostics.Add(ConfigVerify.Diagnostic(RuleIds.TokenInConfigurationFile).WithSpan("/src/appsettings.json", 1, column, 1, column + "minified-secret-value".Length));
        await test.RunAsync();
    }

    [Fact]
    public void Long_lines_find_the_same_key_values_as_short_ones()
    {
        var scanner = new ConfigTokenScanner();
        var line = MinifiedJson(ConfigTokenScanner.LongLineLength * 4, out var column);

        var finding = Assert.Single(scanner.ScanLine(line, 1));

        Assert.Equal("minified-secret-value", finding.Value);
        Assert.Equal(column, finding.Column);
        Assert.Equal("Influx:Token", finding.Key);
    }

    [Fact]
    public async Task Catastrophic_placeholder_pattern_does_not_crash_the_literal_rule()
    {
        var value = new string('a', 5000) + "!";
        var test = new LiteralVerify.Test { TestCode = $$"""class C { string apiToken = {|TG1004:"{{value}}"|}; }""" };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ntokengovernance.placeholder_patterns = (a+)+$;(a+)+\\1$\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Catastrophic_placeholder_pattern_does_not_crash_the_config_rule()
    {
        var value = new string('a', 5000) + "!";
        var test = new ConfigVerify.Test { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/src/.env", "INFLUX_TOKEN=" + value + "\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ntokengovernance.placeholder_patterns = (a+)+$;(a+)+\\1$\n"));
        test.ExpectedDiagnostics.Add(ConfigVerify.Diagnostic(RuleIds.TokenInConfigurationFile).WithSpan("/src/.env", 1, 14, 1, 14 + value.Length));
        await test.RunAsync();
    }

    [Fact]
    public void User_patterns_without_back_references_run_in_linear_time()
    {
        var pattern = PlaceholderDetector.CompileUserPattern("(a+)+$")!;

        Assert.False(PlaceholderDetector.IsPlaceholder(new string('a', 100_000) + "!", [pattern]));
        Assert.True(PlaceholderDetector.IsPlaceholder("aaaa", [pattern]));
        Assert.Null(PlaceholderDetector.CompileUserPattern("[unclosed"));
    }

    /// <summary>A one-line JSON document of about <paramref name="size"/> characters with one token-named key near its end.</summary>
    private static string MinifiedJson(int size, out int valueColumn)
    {
        var builder = new StringBuilder("{\"Logging\":{");
        for (var index = 0; builder.Length < size; index++)
        {
            builder.Append("\"Category").Append(index).Append("\":\"Information with a description of some length\",");
        }

        builder.Append("\"Influx:Token\":\"");
        valueColumn = builder.Length + 1;
        return builder.Append("minified-secret-value\"}}").ToString();
    }
}
