using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TokenGovernance.Analyzers.Tests.Verifiers;

/// <summary>Runs one analyzer on AdditionalFiles beside an empty class, and names an expected diagnostic by file, line and column.</summary>
internal static class AdditionalFileVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyFileAsync(string path, string content, params DiagnosticResult[] expected) =>
        VerifyFilesAsync([(path, content)], expected);

    public static async Task VerifyFilesAsync(IEnumerable<(string Path, string Content)> files, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = "class C { }" };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static DiagnosticResult At(string rule, string path, int line, int column, int length) =>
        CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(rule).WithSpan(path, line, column, line, column + length);
}
