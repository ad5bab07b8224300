using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TokenGovernance.Analyzers.Tests.Verifiers;

/// <summary>All five analyzers over one source, as a user's build runs them.</summary>
internal sealed class AllRulesTest : CSharpAnalyzerTest<HardCodedTokenAnalyzer, DefaultVerifier>
{
    public AllRulesTest(bool ignoreCompilerErrors = false)
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (ignoreCompilerErrors)
        {
            CompilerDiagnostics = CompilerDiagnostics.None;
        }
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
    [
        new HardCodedTokenAnalyzer(), new ConstantTokenAtSinkAnalyzer(), new ConfigFileTokenAnalyzer(), new TokenNamedLiteralAnalyzer(), new HardCodedPasswordAnalyzer(),
    ];
}
